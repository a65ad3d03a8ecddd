import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScanResult } from '../../src/model.js';
import { annotate } from '../../src/report/annotate.js';
import type { CheckRunApi } from '../../src/report/check-run-api.js';
import { planCheckRun, toCheckRunAnnotations, type CheckRunCreate, type CheckRunUpdate } from '../../src/report/check-run.js';
import { largeResult } from '../fixtures/report/large-result.js';
import { makeFinding } from '../fixtures/report/scan-result.js';

const SHA = 'e'.repeat(40);
const many = (n: number): ScanResult => ({
  files: [],
  findings: Array.from({ length: n }, (_, i) => makeFinding({ startLine: i + 1, endLine: i + 1, severity: i % 2 ? 'warn' : 'deny' })),
  errors: [],
});

/** A Checks API port recording requests; `fail` makes the n-th call (0 = create) reject with an HTTP status. */
function recorder(fail?: { call: number; status: number }) {
  const calls: (CheckRunCreate | CheckRunUpdate)[] = [];
  const reject = () => {
    if (fail && calls.length - 1 === fail.call) throw Object.assign(new Error('Resource not accessible by integration'), { status: fail.status });
  };
  const api: CheckRunApi = {
    async create(body) {
      calls.push(body);
      reject();
      return { id: 7, url: 'https://github.com/o/r/runs/7' };
    },
    async update(_id, body) {
      calls.push(body);
      reject();
    },
  };
  return { api, calls };
}

describe('planCheckRun', () => {
  for (const n of [0, 1, 50, 51, 100, 101, 237]) {
    it(`${n} findings: batches of at most 50 that add up, the last completing the run`, () => {
      const plan = planCheckRun(many(n), n > 0 ? 'fail' : 'pass', SHA);
      const batches = [plan.create.output.annotations, ...plan.updates.map((u) => u.output.annotations)];
      assert.ok(batches.every((b) => b.length <= 50));
      assert.equal(batches.reduce((sum, b) => sum + b.length, 0), n);
      assert.equal(plan.create.head_sha, SHA);
      // One request when everything fits in it (the create completes the run); otherwise create, then updates.
      assert.equal(plan.updates.length, Math.max(0, Math.ceil(n / 50) - 1));
      const requests = [plan.create, ...plan.updates];
      assert.ok(requests.slice(0, -1).every((r) => r.conclusion === undefined && r.status !== 'completed'));
      assert.equal(plan.create.status, plan.updates.length === 0 ? 'completed' : 'in_progress');
      assert.equal(requests.at(-1)?.status, 'completed');
      assert.equal(requests.at(-1)?.conclusion, n > 0 ? 'failure' : 'success');
    });
  }

  it('sends paths as they are, and lists in the summary what no annotation can name', async () => {
    const paths = ['c\u202Ed/Dockerfile', 'a\tb/Dockerfile', 'a\u001b[31mb/Dockerfile', 'a\nb/Dockerfile'];
    const run: ScanResult = {
      files: [],
      findings: [...paths.map((path) => makeFinding({ path })), makeFinding({ path: 'x\uD800/Dockerfile', startLine: 5, endLine: 5 })],
      errors: [{ kind: 'read', path: 'y\uDC00/compose.yaml', message: 'gone' }],
    };
    const plan = planCheckRun(run, 'fail', SHA);
    assert.deepEqual(plan.create.output.annotations.map((a) => a.path).sort(), [...paths].sort());
    assert.equal(plan.annotations, 4);
    assert.equal(plan.unplaced, 2);
    assert.match(plan.create.output.summary, /2 findings and errors in files whose names are not valid Unicode, so no annotation can name them:\n- "y\\uDC00\/compose.yaml": read error: gone\n- "x\\uD800\/Dockerfile":5: CPD001 \(deny\): FROM nginx:latest/);
    const { api } = recorder();
    const outcome = await annotate(run, 'fail', SHA, api);
    assert.equal(outcome.note.notShown, 2);
    assert.match(outcome.log.join('\n'), /2 finding\(s\) and error\(s\) in files whose names are not valid Unicode have no annotation/);
  });

  it('orders annotations by severity: file errors, then failures, then warnings', () => {
    const levels = toCheckRunAnnotations(largeResult).map((a) => a.annotation_level);
    const firstWarning = levels.indexOf('warning');
    assert.ok(firstWarning > 0 && levels.slice(firstWarning).every((l) => l === 'warning'));
    // Two of the three fixture errors name a file; the run-wide one goes in the summary instead.
    assert.equal(levels.length, largeResult.findings.length + 2);
  });

  it('keeps titles within 255 characters, messages with the fix, and no terminal escapes', () => {
    const [a] = toCheckRunAnnotations({ files: [], errors: [], findings: [makeFinding({ title: 'x'.repeat(400), message: 'bad \u001b[31mred\u001b[0m' })] });
    assert.ok(a && a.title.length <= 255);
    assert.equal(a?.message, 'bad [31mred[0m\n\nFix: Pin the image to a version tag or a digest.');
  });

  it('lists run-wide errors in the output summary', () => {
    const plan = planCheckRun(largeResult, 'fail', SHA);
    assert.match(plan.create.output.summary, /policy error: entrypoint container\/compose\/deny returned a non-string message/);
    assert.equal(plan.create.output.title, 'Fail: 21 denials, 40 warnings, 3 errors');
  });
});

describe('annotate', () => {
  it('puts everything on a check run and prints no workflow commands', async () => {
    const { api, calls } = recorder();
    const outcome = await annotate(many(120), 'fail', SHA, api);
    assert.equal(calls.length, 3);
    assert.deepEqual(outcome.commands, []);
    assert.deepEqual(outcome.note, { mode: 'check-run', annotated: 120, notShown: 0, checkRunUrl: 'https://github.com/o/r/runs/7' });
    assert.equal(outcome.checkRunId, 7);
  });

  for (const status of [403, 404]) {
    it(`falls back to capped workflow commands when create answers ${status}, and says why`, async () => {
      const { api, calls } = recorder({ call: 0, status });
      const outcome = await annotate(many(120), 'fail', SHA, api);
      assert.equal(calls.length, 1);
      assert.equal(outcome.note.mode, 'workflow-commands');
      assert.equal(outcome.note.annotated, 19);
      assert.equal(outcome.note.notShown, 101);
      assert.match(outcome.note.reason ?? '', new RegExp(`may not create check runs: HTTP ${status}.*checks: write`));
      assert.equal(outcome.commands.filter((l) => / file=/.test(l)).length, 19);
    });
  }

  it('falls back when an update fails after the run was created, completes the run, and keeps its id', async () => {
    const { api, calls } = recorder({ call: 1, status: 502 });
    const outcome = await annotate(many(120), 'fail', SHA, api);
    assert.equal(outcome.note.mode, 'workflow-commands');
    assert.match(outcome.note.reason ?? '', /updating the check run failed with HTTP 502/);
    assert.equal(outcome.checkRunId, 7);
    assert.equal(calls.at(-1)?.status, 'completed');
    assert.ok(outcome.log.some((l) => l === 'Check run 7 holds 50 of 120 annotation(s) and is completed with the verdict.'));
  });

  it('uses workflow commands without a token or a commit', async () => {
    assert.equal((await annotate(many(3), 'fail', SHA, undefined)).note.mode, 'workflow-commands');
    const { api, calls } = recorder();
    assert.equal((await annotate(many(3), 'fail', '', api)).note.reason, 'no commit to attach a check run to');
    assert.equal(calls.length, 0);
  });
});
