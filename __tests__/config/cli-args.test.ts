import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError, parseCliArgs } from '../../src/config/cli-args.js';

describe('parseCliArgs', () => {
  it('defaults to scanning the current directory as text', () => {
    const s = parseCliArgs(['scan'], '/w', false);
    assert.equal(s.command, 'scan');
    assert.deepEqual(s.paths, ['.']);
    assert.equal(s.format, 'text');
    assert.equal(s.failOn, 'deny');
    assert.equal(s.color, false);
  });

  it('reads formats, thresholds, kind and output paths', () => {
    const s = parseCliArgs(['scan', 'a', 'b/Dockerfile', '--format', 'json', '--fail-on=never', '--kind', 'compose', '--output', 'r.json'], '/w', true);
    assert.deepEqual(s.paths, ['a', 'b/Dockerfile']);
    assert.equal(s.format, 'json');
    assert.equal(s.failOn, 'never');
    assert.equal(s.kind, 'compose');
    assert.equal(s.outputPath, '/w/r.json');
  });

  it('refuses unknown commands, flags and values as usage errors', () => {
    assert.throws(() => parseCliArgs(['lint'], '/w', false), UsageError);
    assert.throws(() => parseCliArgs([], '/w', false), UsageError);
    assert.throws(() => parseCliArgs(['scan', '--frobnicate'], '/w', false), UsageError);
    assert.throws(() => parseCliArgs(['scan', '--format', 'xml'], '/w', false), /Valid values: text, json, sarif, github, markdown/);
  });

  it('answers help and version without a command', () => {
    assert.equal(parseCliArgs(['--help'], '/w', false).command, 'help');
    assert.equal(parseCliArgs(['-v'], '/w', false).command, 'version');
  });
});

describe('parseCliArgs report options', () => {
  it('reads --fix, the sarif format and --sarif', () => {
    const s = parseCliArgs(['scan', '--format', 'sarif', '--fix', '--sarif', 'out/r.sarif'], '/w', false);
    assert.equal(s.format, 'sarif');
    assert.equal(s.fix, true);
    assert.equal(s.sarifPath, '/w/out/r.sarif');
    assert.equal(parseCliArgs(['scan'], '/w', false).fix, false);
  });
});
