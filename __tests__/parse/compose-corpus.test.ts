import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTargetFile } from '../../src/discover/read-target-fs.js';
import { loadComposeFile } from '../../src/parse/compose/load-project.js';
import { ParseError } from '../../src/parse/parse-error.js';

// Real compose files and compose-go/compose fixtures, kept beside the repository; each source repository
// is its own workspace so `extends`, `include` and `.env` resolve as they do there.
const CORPUS = '../shared/corpus/';
const MANIFEST = join(CORPUS, 'MANIFEST.tsv');

/** [workspace, path inside it] of every compose file in the manifest (`.env` files are not compose files). */
function composeFiles(): [string, string][] {
  return readFileSync(MANIFEST, 'utf8')
    .split('\n')
    .slice(1)
    .map((row) => row.split('\t'))
    .filter((cols) => cols[0] === 'compose' || cols[0] === 'compose-fixture')
    .map((cols) => {
      const local = cols[4] as string; // real/compose/<owner__repo>/<original path>
      const parts = local.split('/');
      return [join(CORPUS, parts.slice(0, 3).join('/')), parts.slice(3).join('/')];
    });
}

test('every compose file in the real corpus loads as a project or is refused with a ParseError', { skip: !existsSync(MANIFEST) && `corpus ${MANIFEST} is missing` }, async () => {
  const files = composeFiles();
  const crashes: string[] = [];
  const reasons = new Map<string, string[]>();
  let loaded = 0;
  for (const [workspace, path] of files) {
    const context = { readFile: (p: string) => readTargetFile(workspace, p, 2 * 1024 * 1024) };
    try {
      const parsed = await loadComposeFile(path, await context.readFile(path), context);
      for (const name of Object.keys(parsed.document.kind === 'compose' ? (parsed.document.services ?? {}) : {})) {
        const range = parsed.locate(['services', name]);
        assert.ok(range && range.startLine >= 1 && range.startLine <= range.endLine, `${workspace}/${path}: service ${name} not located`);
      }
      loaded++;
    } catch (error) {
      if (!(error instanceof ParseError)) {
        crashes.push(`${workspace}/${path}: ${String((error as Error)?.stack ?? error)}`);
        continue;
      }
      const reason = error.message.replace(/^.*?:(\d+:)? /, '').replace(/"[^"]*"/g, '"…"');
      reasons.set(reason, [...(reasons.get(reason) ?? []), `${workspace.slice(CORPUS.length)}/${path}`]);
    }
  }
  const refused = files.length - loaded - crashes.length;
  console.log(`compose projects: ${files.length} files, ${loaded} loaded, ${refused} refused, ${crashes.length} crashes`);
  for (const [reason, paths] of [...reasons].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${paths.length} x ${reason}\n      e.g. ${paths.slice(0, 2).join(', ')}`);
  }
  assert.deepEqual(crashes, []);
  assert.ok(files.length > 1000);
});
