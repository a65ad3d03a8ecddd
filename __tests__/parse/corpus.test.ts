import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../../src/parse/registry.js';
import { ParseError } from '../../src/parse/parse-error.js';
import type { FileKind } from '../../src/model.js';
import type { ParsedFile } from '../../src/parse/parsed-file.js';

// Real files collected from public repositories, kept beside the repository (paths from the repo root,
// where the test runner starts). Not every checkout has them.
const CORPORA: Record<FileKind, string> = {
  dockerfile: '../shared/corpus/real/dockerfiles/',
  compose: '../shared/corpus/real/compose/',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

function checkRanges(path: string, parsed: ParsedFile): void {
  const { document } = parsed;
  const within = (start: number, end: number, what: string) =>
    assert.ok(start >= 1 && start <= end && end <= document.lines.length, `${path}: ${what} lines ${start}-${end}`);
  if (document.kind === 'dockerfile') {
    for (const i of document.instructions) within(i.startLine, i.endLine, `${i.keyword} #${i.index}`);
    for (const s of document.stages) within(s.startLine, s.endLine, `stage ${s.index}`);
    // The policy looks a pipeline's commands up by [RUN, pipeline, position] (lib.pipe_member): two
    // commands with one key would make the file's evaluation fail.
    for (const i of document.instructions) {
      const keys = (i.commands ?? []).filter((c) => c.pipelineSize > 1).map((c) => `${c.pipeline}/${c.position}`);
      assert.equal(new Set(keys).size, keys.length, `${path}: RUN #${i.index} numbers two pipe commands alike`);
    }
  } else {
    for (const key of Object.keys(document.data)) {
      const range = parsed.locate([key]);
      assert.ok(range, `${path}: ${key} not located`);
      within(range.startLine, range.endLine, key);
    }
  }
}

for (const [kind, dir] of Object.entries(CORPORA) as [FileKind, string][]) {
  const missing = !existsSync(dir);
  test(`every ${kind} in the real corpus parses or is refused with a ParseError`, { skip: missing && `corpus folder ${dir} is missing` }, () => {
    const files = filesUnder(dir);
    const refused: string[] = [];
    for (const path of files) {
      let parsed: ParsedFile;
      try {
        parsed = parseFile(kind, path, readFileSync(path));
      } catch (error) {
        assert.ok(error instanceof ParseError, `${path}: ${String(error)}`);
        refused.push(error.message);
        continue;
      }
      checkRanges(path, parsed);
    }
    console.log(`${kind}: ${files.length} files, ${refused.length} refused with a ParseError`);
    // Grouped by reason (the message without its path and line) to keep the log short.
    const reasons = new Map<string, number>();
    for (const message of refused) {
      const reason = message.replace(/^.*?:(\d+:)? /, '');
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    for (const [reason, count] of reasons) console.log(`  ${count} x ${reason}`);
    assert.ok(files.length > 0);
  });
}
