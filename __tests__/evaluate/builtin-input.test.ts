/**
 * The built-in rules are given the document without its copies of the source text, a RUN's script as
 * text and a compose file's model as written (see builtin-input.ts). That is only sound while no
 * built-in rule reads them: this runs the committed module on real files both ways and requires the
 * same results, rule by rule.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadPolicy } from '@open-policy-agent/opa-wasm';
import { builtinRuleInput } from '../../src/evaluate/builtin-input.js';
import { ENTRYPOINTS } from '../../src/evaluate/policy-engine.js';
import { loadComposeFile } from '../../src/parse/compose/load-project.js';
import { decodeText } from '../../src/parse/decode-text.js';
import { parseDockerfile } from '../../src/parse/dockerfile.js';
import type { InputDocument } from '../../src/parse/input-document.js';
import { readTargetFile } from '../../src/discover/read-target-fs.js';

const REAL = '../shared/corpus/real';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Every corpus file: a rule may read a field only in files a sample would miss (a RUN's `--mount` flags). */
async function corpusDocuments(): Promise<InputDocument[]> {
  const documents: InputDocument[] = [];
  for (const path of filesUnder(join(REAL, 'dockerfiles'))) {
    try {
      documents.push(parseDockerfile(path, decodeText(path, readFileSync(path))));
    } catch {
      // A file Docker would not build is refused before evaluation; nothing to compare.
    }
  }
  const composeRoot = join(REAL, 'compose');
  for (const repository of readdirSync(composeRoot).sort()) {
    const workspace = join(composeRoot, repository);
    const context = { readFile: (p: string) => readTargetFile(workspace, p, 2 * 1024 * 1024) };
    for (const path of filesUnder(workspace).filter((p) => /\.ya?ml$/.test(p))) {
      const relative = path.slice(workspace.length + 1);
      try {
        documents.push((await loadComposeFile(relative, await context.readFile(relative), context)).document);
      } catch {
        // Refused with a parse error (an env_file outside the repository, and the like).
      }
    }
  }
  return documents;
}

test('the built-in rules give the same results without what builtinRuleInput leaves out as with it', { skip: !existsSync(REAL) && `corpus ${REAL} is missing` }, async () => {
  const policy = await loadPolicy(readFileSync('dist/policy/policy.wasm'), { initial: 4096 });
  policy.setData(JSON.parse(readFileSync('dist/policy/data.json', 'utf8')) as object);
  const documents = await corpusDocuments();
  const kinds = new Set(documents.map((d) => d.kind));
  assert.ok(documents.length > 4000 && kinds.size === 2, `${documents.length} documents of ${[...kinds].join(', ')}`);
  let findings = 0;
  for (const document of documents) {
    const whole = policy.evaluate(document, ENTRYPOINTS[document.kind]) as { result: Record<string, unknown[]> }[];
    const trimmed = policy.evaluate(builtinRuleInput(document), ENTRYPOINTS[document.kind]);
    assert.deepEqual(trimmed, whole, document.path);
    findings += Object.values(whole[0]?.result ?? {}).reduce((sum, list) => sum + list.length, 0);
  }
  // The comparison exercises the rules: tens of thousands of findings, not an empty comparison.
  assert.ok(findings > 50000, `${findings} findings`);
});
