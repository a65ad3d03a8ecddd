import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Lexer } from 'yaml';
import { bigCompose } from '../../bench/scaling.js';
import { readComposeTree } from '../../src/parse/compose.js';
import { child } from '../../src/parse/compose/tree.js';
import { decodeText } from '../../src/parse/decode-text.js';
import { ParseError } from '../../src/parse/parse-error.js';
import { contentTokenGauge, MAX_YAML_CONTENT_TOKENS } from '../../src/parse/yaml-content-tokens.js';
import { CORPUS, makeWorkspace, scanChild, scanJson, yamlFiles } from './helpers.js';

// The count of content tokens that refuses a file of hundreds of thousands of tiny nodes while it is
// lexed, before the yaml library spends a second and a kilobyte on every few thousand of them.

/** The line of the first token past `limit`, or undefined. */
function pastLimit(text: string, limit = MAX_YAML_CONTENT_TOKENS): number | undefined {
  const gauge = contentTokenGauge(limit);
  for (const token of new Lexer().lex(text)) {
    const line = gauge(token);
    if (line !== undefined) return line;
  }
  return undefined;
}

/** How many content tokens the gauge counts: the smallest limit it accepts. */
function counted(text: string): number {
  for (let limit = 0; limit <= 1000; limit++) if (pastLimit(text, limit) === undefined) return limit;
  return Infinity;
}

const read = (text: string) => readComposeTree('compose.yaml', decodeText('compose.yaml', new TextEncoder().encode(text)));


/** About 700,000 empty flow sequences in one, inside the default 2 MiB file-size limit. */
const EMPTY_SEQUENCES = `x: [${'[], '.repeat(524_000)}[]]\nservices: {}\n`;

describe('the YAML content-token limit', () => {
  it('counts scalars, indicators, brackets and properties, not spaces, line breaks or comments', () => {
    assert.equal(counted('services:\n  web:\n    image: nginx # pinned below\n'), 7);
    assert.equal(counted('a: [[], {}, 1]\n'), 11);
    assert.equal(counted('a:\n  - |\n    text\n  - &x !t "q"\n  - *x\n'), 11, 'a block scalar is its header and its text');
    assert.equal(counted('\n\n# only comments\n   \n'), 0);
  });

  it('refuses at the line of the first token past the limit', () => {
    assert.equal(pastLimit('a: 1\nb: [1, 2, 3]\n', 5), 2);
    assert.equal(pastLimit('x:\n' + '-\n'.repeat(50), 40), 40);
    assert.equal(pastLimit('a: 1\n', 3), undefined);
  });

  it('leaves every YAML file of the real-world corpus under a twentieth of the limit', { skip: !existsSync(CORPUS) && `${CORPUS} is absent` }, () => {
    let files = 0;
    for (const path of yamlFiles(CORPUS)) {
      files++;
      assert.equal(pastLimit(readFileSync(path, 'utf8'), MAX_YAML_CONTENT_TOKENS / 20), undefined, path);
    }
    assert.ok(files > 100, `${files} files`);
  });

  it('a 2,000-service file (the scaling benchmark\'s, 58,002 tokens) loads whole', () => {
    const services = child(read(bigCompose(2000)), 'services');
    assert.equal(services?.kind === 'map' && services.entries.size, 2000);
    assert.equal(pastLimit(bigCompose(6000)), undefined, 'three times as many services still fit');
  });

  it('a file of 700,000 empty flow sequences is refused on its line, and a later syntax error does not win', () => {
    const refused = (e: unknown) => e instanceof ParseError && e.line === 1 && /too large to read: past 200000 values, keys and indicators/.test(e.message);
    assert.throws(() => read(EMPTY_SEQUENCES), refused);
    assert.throws(() => read(`${EMPTY_SEQUENCES}services: {a: 1\n`), refused);
    // Two tokens on line 1, three on each line after: token 200,001 is on line 66,668.
    assert.throws(() => read(`x:\n${'- []\n'.repeat(300_000)}`), (e) => e instanceof ParseError && e.line === 66_668);
  });

  it('the CLI reports the file as one error, checks the others, and stays in little memory', async () => {
    const root = makeWorkspace({ 'compose.yaml': EMPTY_SEQUENCES, 'Dockerfile': 'FROM node:latest\n' });
    const run = await scanChild(root, ['--format', 'json', '.']);
    console.log(`700,000 empty flow sequences: exit ${run.code}, peak RSS ${run.peakRssMiB} MiB, ${run.seconds.toFixed(1)} s`);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as Awaited<ReturnType<typeof scanJson>>['report'];
    assert.deepEqual(report.errors.map((e) => [e.path, e.line]), [['compose.yaml', 1]]);
    assert.ok(report.findings.some((f) => f.path === 'Dockerfile'), 'the other file is still checked');
    // The library took about 1 GiB here before the limit (fuzz/bench-nesting.ts); it now stops at 200,000 tokens.
    assert.ok(run.peakRssMiB < 400, `peak RSS ${run.peakRssMiB} MiB`);
  });
});
