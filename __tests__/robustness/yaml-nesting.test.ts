import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';
import { findExcessNesting, MAX_YAML_DEPTH } from '../../src/parse/yaml-nesting.js';
import { CORPUS, makeWorkspace, scanJson, yamlFiles } from './helpers.js';

// The linear pre-scan that refuses deep YAML before the parser spends seconds and gigabytes on it.
// It must never count less than the parser nests (or hostile nesting gets through), and must accept
// every real file.

/** The depth the scan reports: the smallest limit it accepts. */
function scanned(text: string): number {
  for (let limit = 0; limit <= 200; limit++) if (findExcessNesting(text, limit) === undefined) return limit;
  return Infinity;
}

/** How deep the parsed value nests (collections only). */
function parsedDepth(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  return 1 + Math.max(0, ...children.map(parsedDepth));
}


describe('the YAML nesting pre-scan', () => {
  it('counts block, compact and flow levels', () => {
    assert.equal(scanned('services:\n  web:\n    image: nginx\n'), 3);
    assert.equal(scanned('a:\n  - - - x\n'), 5);
    assert.equal(scanned('a: [[1], {b: [2]}]\n'), 4);
    assert.equal(scanned('a: &x [[1]]\nb: !!seq [[[2]]]\nc: &y !t {d: [1]}\n'), 4, 'anchors and tags before a collection do not hide it');
    assert.equal(scanned('a: [\n  [1,\n   [2]],\n]\n'), 4, 'a flow collection over several lines');
  });

  it('does not count brackets inside quotes, comments, plain scalars or block scalars', () => {
    const text = [
      'services:',
      '  web:',
      `    command: echo ${'['.repeat(50)} it's # ${'{'.repeat(100)}`,
      `    entrypoint: "${'['.repeat(100)}"`,
      `    user: '${'{'.repeat(100)}''s'`,
      '    healthcheck:',
      '      test: |',
      ...Array.from({ length: 100 }, () => `        if [[ -f x ${'['.repeat(10)}`),
      '      interval: 10s',
      `    labels: ["a[", '{b', "${'['.repeat(80)}"]`,
    ].join('\n');
    assert.equal(findExcessNesting(text), undefined);
    assert.ok(parseDocument(text).errors.length === 0, 'the sample is valid YAML');
  });

  it('refuses at the line where the limit is passed', () => {
    const block = 'services:\n' + Array.from({ length: 200 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n') + ' 1\n';
    assert.deepEqual(findExcessNesting(block), { line: MAX_YAML_DEPTH + 1, depth: MAX_YAML_DEPTH + 1 });
    assert.deepEqual(findExcessNesting(`a: 1\nb: 2\nc: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`), { line: 3, depth: MAX_YAML_DEPTH + 1 });
    assert.equal(findExcessNesting(`a:\n  ${'- '.repeat(100)}x\n`)?.line, 2);
    assert.equal(findExcessNesting(`a: ${'- '.repeat(100)}x\n`)?.line, 1, 'entries after a key on one line (invalid, but the parser descends)');
    assert.equal(findExcessNesting(`a: [\n${'[\n'.repeat(100)}`)?.line, MAX_YAML_DEPTH, 'line 1 holds a and one bracket');
  });

  it('is not fooled by quote characters inside plain scalars (which would hide what follows)', () => {
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
    assert.equal(findExcessNesting(`a: some plain\n  "continued\nb: ${deep}\nc: "\n`)?.line, 3);
    assert.equal(findExcessNesting(`x: [a "b]\ny: ${deep} "\n`)?.line, 2);
    assert.equal(findExcessNesting(`x: it's\ny: ${deep} '\n`)?.line, 2);
    assert.equal(findExcessNesting(`x: |\n  "\ny: ${deep}\n`)?.line, 3, 'a block scalar ends where its indentation does');
  });

  it('never counts less than the parser nests (property, block and flow styles)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), fc.constantFrom('block', 'flow', 'any'), fc.integer({ min: 1, max: 4 }), (value, style, indent) => {
        const text = stringify({ root: value }, { collectionStyle: style as 'block' | 'flow' | 'any', indent, lineWidth: 40 });
        const depth = parsedDepth(parseDocument(text, { version: '1.2' }).toJS());
        assert.ok(scanned(text) >= depth, `scanned ${scanned(text)} < parsed ${depth}:\n${text}`);
      }),
      { numRuns: 400, seed: 9 },
    );
  });

  it('accepts every YAML file of the real-world corpus', { skip: !existsSync(CORPUS) && `${CORPUS} is absent` }, () => {
    let files = 0;
    for (const path of yamlFiles(CORPUS)) {
      files++;
      assert.equal(findExcessNesting(readFileSync(path, 'utf8')), undefined, path);
    }
    assert.ok(files > 100, `${files} files`);
  });

  it('the CLI reports deep YAML as one error on its line, fast', async () => {
    const text = 'services:\n  web:\n    image: nginx:1.27\n    labels: ' + '['.repeat(500_000) + ']'.repeat(500_000) + '\n';
    const started = performance.now();
    const run = await scanJson(makeWorkspace({ 'compose.yaml': text }));
    const ms = performance.now() - started;
    assert.equal(run.code, 1);
    assert.equal(run.report.errors.length, 1, JSON.stringify(run.report.errors));
    assert.equal(run.report.errors[0]?.line, 4);
    assert.match(run.report.errors[0]?.message ?? '', /nests too deeply: past 64 levels on this line/);
    console.log(`1 MB of nested brackets refused in ${ms.toFixed(0)} ms`);
  });
});
