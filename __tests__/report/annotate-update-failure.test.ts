import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ScanResult } from '../../src/model.js';
import { annotate } from '../../src/report/annotate.js';
import { createCheckRunApi } from '../../src/report/check-run-api.js';
import { renderSummary } from '../../src/report/summary-markdown.js';
import { FakeGitHub } from '../support/fake-github.js';
import { makeFinding } from '../fixtures/report/scan-result.js';

// A check run whose annotations stop part-way: GitHub answers an update with 422 (as it does for a
// body it will not take). The run must not stay in progress, and nothing may say it holds everything.

const SHA = 'e'.repeat(40);
/** 130 findings: a create with 50 annotations, then two updates. */
const result: ScanResult = {
  files: [],
  findings: Array.from({ length: 130 }, (_, i) => makeFinding({ startLine: i + 1, endLine: i + 1, message: `finding ${i}`, severity: i < 60 ? 'deny' : 'warn' })),
  errors: [],
};

describe('annotate when updating the check run fails', () => {
  let github: FakeGitHub;
  before(async () => {
    github = await new FakeGitHub().start();
  });
  after(async () => {
    await github.stop();
  });

  const checks = (repo: string) => createCheckRunApi('ghs_annotate_test', github.url, 'o', repo, { retryBaseMs: 1, log: () => undefined });

  it('completes the run with the verdict, saying its annotations are incomplete, and annotates only the rest in the log', async () => {
    github.checkRunsApi('o', 'once').fail('/repos/o/once/check-runs/', [{ status: 422, message: 'Validation Failed', times: 1 }]);
    const outcome = await annotate(result, 'fail', SHA, checks('once'));
    const run = github.checkRuns.find((r) => r.repo === 'once');
    assert.ok(run);
    // The create, then (after the refused update) the completion.
    assert.equal(run.requests.length, 2);
    const completion = run.requests[1]?.body as { status: string; conclusion: string; output: { summary: string; annotations: unknown[] } };
    assert.equal(completion.status, 'completed');
    assert.equal(completion.conclusion, 'failure');
    assert.deepEqual(completion.output.annotations, []);
    assert.match(completion.output.summary, /\*\*Annotations are incomplete:\*\* 50 of 130 are on this check run; updating the check run failed with HTTP 422: Validation Failed/);
    assert.doesNotMatch(completion.output.summary, /Every finding is annotated/);

    assert.equal(outcome.checkRunId, run.id);
    assert.equal(outcome.note.mode, 'workflow-commands');
    assert.deepEqual(outcome.note.partialCheckRun, { annotated: 50, completed: true, url: `https://github.com/o/once/runs/${run.id}` });
    // The first 50 (all denials) are on the check run; the log annotates the other 80: 10 denials, then 10 of 70 warnings.
    assert.equal(outcome.note.annotated, 19);
    assert.equal(outcome.note.notShown, 61);
    assert.ok(outcome.commands.some((l) => l.startsWith('::error ') && l.includes('finding 50')));
    assert.ok(!outcome.commands.some((l) => /finding 49\b/.test(l)));
    assert.ok(outcome.log.some((l) => l === `Check run ${run.id} holds 50 of 130 annotation(s) and is completed with the verdict.`));

    const summary = renderSummary(result, 'fail', { annotations: outcome.note });
    assert.doesNotMatch(summary, /No check run could be created/);
    assert.match(summary, /\*\*61 findings not shown inline\.\*\* A check run was created, but adding its annotations failed \(updating the check run failed with HTTP 422: Validation Failed[^)]*\): \[the check run\]\(https:\/\/github\.com\/o\/once\/runs\/\d+\) holds the first 50 annotations, says they are incomplete and was completed with the verdict\. The rest went to the log as workflow commands, where GitHub shows at most 10 per level in a step: 19 shown\./);
  });

  it('says the run stays in progress, and gives no check-run id, when completing it fails too', async () => {
    github.checkRunsApi('o', 'always').fail('/repos/o/always/check-runs/', [{ status: 422, message: 'Validation Failed', times: Infinity }]);
    const outcome = await annotate(result, 'fail', SHA, checks('always'));
    const run = github.checkRuns.find((r) => r.repo === 'always');
    assert.equal(run?.requests.length, 1);
    assert.equal(outcome.checkRunId, undefined);
    assert.deepEqual(outcome.note.partialCheckRun, { annotated: 50, completed: false, url: `https://github.com/o/always/runs/${run?.id}` });
    assert.ok(outcome.log.some((l) => /could not be completed either .*it stays in progress/.test(l)));
    const summary = renderSummary(result, 'fail', { annotations: outcome.note });
    assert.match(summary, /holds the first 50 annotations, stays in progress: completing it failed too\. The rest went to the log/);
    assert.doesNotMatch(summary, /says they are incomplete/);
  });
});
