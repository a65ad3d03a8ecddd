import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as core from '@actions/core';
import { appendSummary, getInput, info, notice, setFailed, setOutput } from '../../src/github/runner-io.js';

// The runner's side of the action, in @actions/core's formats: what a step's log and files receive.

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  process.exitCode = undefined;
});

/** What `run` prints on stdout (captured only while it runs: the test runner reports on stdout too). */
function printedBy(run: () => void): string[] {
  const printed: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => printed.push(chunk) > 0) as typeof process.stdout.write;
  try {
    run();
  } finally {
    process.stdout.write = write;
  }
  return printed;
}

describe('runner I/O', () => {
  it('reads an input from INPUT_<NAME> (upper case, spaces as underscores), trimmed, empty when unset', () => {
    process.env['INPUT_FAIL-ON'] = '  warn \n';
    process.env['INPUT_MAX_FILE_SIZE'] = '2m';
    assert.equal(getInput('fail-on'), 'warn');
    assert.equal(getInput('max file size'), '2m');
    assert.equal(getInput('absent'), '');
  });

  it('prints log lines, notices and the failure as workflow commands, escaped so that a value cannot start a command', () => {
    const printed = printedBy(() => {
      info('Checked 2 file(s).');
      notice('50% done\n::error::forged');
      setFailed('Container policy check failed\r\n');
    });
    assert.deepEqual(printed, ['Checked 2 file(s).\n', '::notice::50%25 done%0A::error::forged\n', '::error::Container policy check failed%0D%0A\n']);
    assert.equal(process.exitCode, 1);
  });

  it('appends outputs to GITHUB_OUTPUT between a random delimiter, or prints set-output without it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cpa-runner-')), 'output.txt');
    writeFileSync(file, '');
    process.env.GITHUB_OUTPUT = file;
    setOutput('verdict', 'fail');
    setOutput('json-report', 'a\nb');
    const records = readFileSync(file, 'utf8').match(/^(\S+)<<(ghadelimiter_[0-9a-f-]{36})\n([^]*?)\n\2\n/gm) ?? [];
    assert.equal(records.length, 2);
    assert.match(records[0]!, /^verdict<<ghadelimiter_[0-9a-f-]+\nfail\n/);
    assert.match(records[1]!, /^json-report<<ghadelimiter_[0-9a-f-]+\na\nb\n/);
    process.env.GITHUB_OUTPUT = join(file, '..', 'missing.txt');
    assert.throws(() => setOutput('verdict', 'pass'), /Missing file at path/);
    delete process.env.GITHUB_OUTPUT;
    assert.deepEqual(printedBy(() => setOutput('files-checked', '2')), ['\n', '::set-output name=files-checked::2\n']);
  });

  it('appends to the job summary, and refuses when the runner gave no summary file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cpa-runner-')), 'summary.md');
    writeFileSync(file, '# before\n');
    process.env.GITHUB_STEP_SUMMARY = file;
    await appendSummary('## Container policy\n');
    assert.equal(readFileSync(file, 'utf8'), '# before\n## Container policy\n');
    process.env.GITHUB_STEP_SUMMARY = join(file, '..', 'missing.md');
    await assert.rejects(appendSummary('x'), /Unable to access summary file/);
    delete process.env.GITHUB_STEP_SUMMARY;
    await assert.rejects(appendSummary('x'), /GITHUB_STEP_SUMMARY/);
  });

  it('prints and writes what @actions/core does for the same calls', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cpa-runner-')), 'output.txt');
    for (const message of ['plain', '100%\r\nnext line', '::warning::x, y: z', '']) {
      assert.deepEqual(printedBy(() => notice(message)), printedBy(() => core.notice(message)));
      assert.deepEqual(printedBy(() => setFailed(message)), printedBy(() => core.setFailed(message)));
      assert.deepEqual(printedBy(() => info(message)), printedBy(() => core.info(message)));
      writeFileSync(file, '');
      process.env.GITHUB_OUTPUT = file;
      setOutput('name', message);
      core.setOutput('name', message);
      const [mine, theirs] = readFileSync(file, 'utf8').replace(/ghadelimiter_[0-9a-f-]+/g, 'DELIMITER').split(/(?<=DELIMITER\n)(?=name<<)/);
      assert.equal(mine, theirs);
      delete process.env.GITHUB_OUTPUT;
      assert.deepEqual(printedBy(() => setOutput('a,b:c', message)), printedBy(() => core.setOutput('a,b:c', message)));
    }
  });
});
