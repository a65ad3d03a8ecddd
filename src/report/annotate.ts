import { describeError } from '../errors.js';
import type { ScanResult, Verdict } from '../model.js';
import type { CheckRunApi } from './check-run-api.js';
import { planCheckRun, planIncompleteCompletion, withoutAnnotated } from './check-run.js';
import type { AnnotationNote } from './summary-markdown.js';
import { planWorkflowCommands } from './workflow-commands.js';

/** How the findings were put on their lines, and what to print. */
export interface AnnotationOutcome {
  readonly note: AnnotationNote;
  /** Workflow-command lines for stdout (empty when the check run carries the annotations). */
  readonly commands: readonly string[];
  /** Plain log lines saying what happened. */
  readonly log: readonly string[];
  readonly checkRunId?: number;
}

/** HTTP statuses that mean "this token may not write checks here": fall back, it is not a bug. */
const PERMISSION_STATUSES = new Set([403, 404]);

function statusOf(thrown: unknown): number | undefined {
  const status = (thrown as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

function refusal(stage: string, thrown: unknown): string {
  const status = statusOf(thrown);
  if (status !== undefined && PERMISSION_STATUSES.has(status)) {
    return `the token may not ${stage} check runs: HTTP ${status} ${describeError(thrown)}; a fork's token is read-only, and others need \`checks: write\``;
  }
  return `${stage === 'create' ? 'creating' : 'updating'} the check run failed${status === undefined ? '' : ` with HTTP ${status}`}: ${describeError(thrown)}`;
}

function fallback(result: ScanResult, reason: string, log: string[]): AnnotationOutcome {
  const plan = planWorkflowCommands(result);
  log.push(`Annotating with workflow commands instead (${reason}).`);
  if (plan.notShown > 0) log.push(`${plan.notShown} finding(s) could not be annotated inline; the job summary lists every one.`);
  return { note: { mode: 'workflow-commands', annotated: plan.shown, notShown: plan.notShown, reason }, commands: plan.lines, log };
}

/**
 * Puts every finding on its lines. With a Checks API port, creates a check run on `headSha` and
 * sends all annotations in batches; when the API refuses (a read-only token) or fails, falls back
 * to workflow commands, which GitHub caps per step, and says so in the note the summary shows. A
 * failure after the run was created also falls back, so no finding is left unannotated silently,
 * and the run is completed with the verdict and a summary saying its annotations are incomplete.
 */
export async function annotate(result: ScanResult, verdict: Verdict, headSha: string, checks: CheckRunApi | undefined): Promise<AnnotationOutcome> {
  const log: string[] = [];
  if (checks === undefined || headSha === '') {
    return fallback(result, checks === undefined ? 'check runs are turned off' : 'no commit to attach a check run to', log);
  }
  const plan = planCheckRun(result, verdict, headSha);
  let created: { id: number; url?: string };
  try {
    created = await checks.create(plan.create);
  } catch (thrown) {
    return fallback(result, refusal('create', thrown), log);
  }
  let sent = plan.create.output.annotations.length;
  try {
    for (const update of plan.updates) {
      await checks.update(created.id, update);
      sent += update.output.annotations.length;
    }
  } catch (thrown) {
    const reason = refusal('update', thrown);
    // One try to conclude the run, so it does not stay in progress on the pull request for good.
    let completed = true;
    try {
      await checks.update(created.id, planIncompleteCompletion(result, verdict, sent, plan.annotations, reason));
    } catch (again) {
      completed = false;
      log.push(`Check run ${created.id} could not be completed either (${describeError(again)}); it stays in progress.`);
    }
    log.push(`Check run ${created.id} holds ${sent} of ${plan.annotations} annotation(s)${completed ? ' and is completed with the verdict' : ''}.`);
    const partial = { annotated: sent, completed, ...(created.url ? { url: created.url } : {}) };
    const outcome = fallback(withoutAnnotated(result, sent), reason, log);
    // Its id is an output only when the run carries the verdict (see README, Outputs).
    return { ...outcome, note: { ...outcome.note, partialCheckRun: partial }, ...(completed ? { checkRunId: created.id } : {}) };
  }
  log.push(`Annotated ${plan.annotations} finding(s) and error(s) on check run ${created.id}${created.url ? ` (${created.url})` : ''}.`);
  if (plan.unplaced > 0) log.push(`${plan.unplaced} finding(s) and error(s) in files whose names are not valid Unicode have no annotation; the check run's summary and the job summary list them.`);
  return {
    note: { mode: 'check-run', annotated: plan.annotations, notShown: plan.unplaced, ...(created.url ? { checkRunUrl: created.url } : {}) },
    commands: [],
    log,
    checkRunId: created.id,
  };
}
