import assert from 'node:assert/strict';
import { it } from 'node:test';
import { loadComposeFile } from '../../src/parse/compose/load-project.js';
import { ParseError } from '../../src/parse/parse-error.js';
import { readComposeTree } from '../../src/parse/compose.js';
import { decodeText } from '../../src/parse/decode-text.js';

// Crashes the fuzzer found, each kept as the smallest input that showed it.

const enc = (t: string) => new TextEncoder().encode(t);
const reader = (files: Record<string, string>) => async (path: string) => {
  if (!(path in files)) throw Object.assign(new Error(`${path} does not exist in the workspace`), { code: 'ENOENT' });
  return enc(files[path] as string);
};

it('an unclosed quote on the last line of .env is reported on that line, not one past the end', async () => {
  const files = { 'compose.yaml': 'services:\n  web:\n    image: nginx:${TAG}\n', '.env': 'F="unterminated\nD\n' };
  await assert.rejects(loadComposeFile('compose.yaml', enc(files['compose.yaml']), { readFile: reader(files) }), (e: unknown) => {
    assert.ok(e instanceof ParseError);
    assert.equal(e.path, '.env');
    assert.equal(e.line, 1, 'the line that opens the quote');
    return true;
  });
});

it('a complex mapping key is read without a process warning that prints the file', () => {
  const warnings: string[] = [];
  const listener = (w: Error) => warnings.push(w.message);
  process.on('warning', listener);
  try {
    readComposeTree('compose.yaml', decodeText('compose.yaml', enc('services:\n  web:\n    image: nginx:1.27\nx-extra:\n  ? {secret: value}\n  : 1\n')));
  } catch {
    // Refusing the key is fine; printing it is not.
  }
  return new Promise<void>((resolve) =>
    setImmediate(() => {
      process.off('warning', listener);
      assert.deepEqual(warnings, []);
      resolve();
    }),
  );
});

it('YAML nested past the parser stack is a clear error, not "Maximum call stack size exceeded"', () => {
  const n = 100_000;
  assert.throws(() => readComposeTree('compose.yaml', decodeText('compose.yaml', enc(`services: ${'['.repeat(n)}${']'.repeat(n)}\n`))), /nests too deeply/);
});

it('a heredoc whose first body line is a lone backslash is parsed, not a TypeError from dockerfile-ast', async () => {
  const { parseFile } = await import('../../src/parse/registry.js');
  const parsed = parseFile('dockerfile', 'Dockerfile', enc('FROM alpine:3.20\nRUN <<"EOF"\n\\\n\tEOF\n'));
  assert.equal(parsed.document.kind, 'dockerfile');
  for (const i of parsed.document.kind === 'dockerfile' ? parsed.document.instructions : []) assert.ok(i.startLine >= 1 && i.endLine <= 4);
});

it('COPY --from a name two earlier stages share is checked, CPD007 denying the names, not an evaluation that fails on a conflict', async () => {
  const { runCli } = await import('../../src/cli.js');
  const { sink, writeTree } = await import('../support/temp-tree.js');
  const dockerfile = ['FROM alpine:3.20 AS builder', 'RUN chmod 4755 /bin/tool', 'FROM alpine:3.20 AS builder', 'FROM alpine:3.20', 'COPY --from=builder /bin/tool /bin/', 'USER 1000', ''].join('\n');
  const out = sink();
  await runCli(['scan', '.', '--format', 'json'], writeTree({ Dockerfile: dockerfile }), out, sink());
  const report = JSON.parse(out.text) as { errors: unknown[]; findings: { ruleId: string; startLine: number }[] };
  assert.deepEqual(report.errors, []);
  assert.ok(report.findings.some((f) => f.ruleId === 'CPD007' && f.startLine === 3));
  // The first "builder" is the one copied from, as a FROM naming it would be: its setuid chmod is found, at its line.
  assert.ok(report.findings.some((f) => f.ruleId === 'CPD070' && f.startLine === 2), JSON.stringify(report.findings.map((f) => `${f.ruleId}@${f.startLine}`)));
});
