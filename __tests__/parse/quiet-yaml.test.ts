import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { parseConfigFile } from '../../src/config/config-file.js';
import { readComposeTree } from '../../src/parse/compose.js';
import { decodeText } from '../../src/parse/decode-text.js';
import { ParseError } from '../../src/parse/parse-error.js';
import { withQuietYaml } from '../../src/parse/quiet-yaml.js';
import { runCli } from '../../src/cli.js';
import { parse } from 'yaml';
import { sink, writeTree } from '../support/temp-tree.js';

const COMPOSE = 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2\n';
const compose = (text: string) => readComposeTree('compose.yaml', decodeText('compose.yaml', new TextEncoder().encode(text)));

// The yaml library prints each token (LOG_TOKENS) or each document (LOG_STREAM) through the console when the environment asks.
describe('YAML read with LOG_TOKENS and LOG_STREAM set in the environment', () => {
  let printed: unknown[][];
  beforeEach(() => {
    printed = [];
    for (const method of ['log', 'dir'] as const) mock.method(console, method, (...args: unknown[]) => void printed.push(args));
    process.env.LOG_TOKENS = '1';
    process.env.LOG_STREAM = '1';
  });
  afterEach(() => {
    mock.restoreAll();
    delete process.env.LOG_TOKENS;
    delete process.env.LOG_STREAM;
  });

  it('prints nothing of a compose file, and the environment is the real one again afterwards', () => {
    assert.equal(compose(COMPOSE).kind, 'map');
    assert.deepEqual(printed, []);
    assert.equal(process.env.LOG_TOKENS, '1');
  });

  it('puts the environment back when the read throws', () => {
    assert.throws(() => compose('services: [\n'), ParseError);
    assert.throws(() => withQuietYaml(() => { throw new Error('inside'); }), /inside/);
    assert.equal(process.env.LOG_STREAM, '1');
    assert.deepEqual(printed, []);
  });

  it('prints nothing of a configuration file', () => {
    assert.equal(parseConfigFile('version: 1\nfail-on: warn\n', 'container-policy.yml').failOn, 'warn');
    assert.deepEqual(printed, []);
  });

  it('leaves a CLI scan\'s JSON report whole, secrets out of the log', async () => {
    const cwd = writeTree({ 'compose.yaml': COMPOSE, 'Dockerfile': 'FROM alpine:3.20\n' });
    const out = sink();
    await runCli(['scan', '.', '--format', 'json'], cwd, out, sink());
    assert.equal((JSON.parse(out.text) as { summary: { files: number } }).summary.files, 2);
    assert.ok(!JSON.stringify(printed).includes('hunter2'), 'the compose file\'s content was printed');
    assert.deepEqual(printed, []);
  });

  it('is what the library does without it (the control)', () => {
    assert.ok(compose(COMPOSE));
    // Reading through the library directly, as before, prints.
    parse(COMPOSE);
    assert.ok(printed.length > 0, 'the library printed nothing: this test no longer shows anything');
  });
});
