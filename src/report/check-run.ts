import type { CheckError, Finding, ScanResult, Verdict } from '../model.js';
import {
  ANNOTATION_MESSAGE_MAX_BYTES,
  ANNOTATION_TITLE_MAX_CHARS,
  CHECK_RUN_ANNOTATIONS_PER_REQUEST,
  CHECK_RUN_OUTPUT_MAX_CHARS,
} from './limits.js';
import { canAnnotatePath, quotePath } from './annotation-path.js';
import { sortErrors, sortFindings } from './sort-findings.js';
import { formatCount, plural, stripControlChars, truncateChars, truncateUtf8 } from './text-utils.js';

/** An annotation in the Checks API's shape (`output.annotations[]`). Lines are 1-based and inclusive. */
export interface CheckRunAnnotation {
  readonly path: string;
  readonly start_line: number;
  readonly end_line: number;
  readonly annotation_level: 'notice' | 'warning' | 'failure';
  readonly title: string;
  readonly message: string;
}

/** The `output` object of a create or update request. */
export interface CheckRunOutput {
  readonly title: string;
  readonly summary: string;
  readonly annotations: readonly CheckRunAnnotation[];
}

/** The body of `POST /repos/{owner}/{repo}/check-runs` (owner and repo go in the path). */
export interface CheckRunCreate {
  readonly name: string;
  readonly head_sha: string;
  /** `completed` (with the conclusion) when every annotation fits in this one request. */
  readonly status: 'in_progress' | 'completed';
  readonly conclusion?: 'success' | 'failure';
  readonly external_id?: string;
  readonly output: CheckRunOutput;
}

/** The body of `PATCH /repos/{owner}/{repo}/check-runs/{id}`; the last one completes the run. */
export interface CheckRunUpdate {
  readonly output: CheckRunOutput;
  readonly status?: 'completed';
  readonly conclusion?: 'success' | 'failure';
}

/** The requests that publish a run: one create, then updates appending the rest; the last request completes it. */
export interface CheckRunPlan {
  readonly create: CheckRunCreate;
  readonly updates: readonly CheckRunUpdate[];
  /** Annotations in all requests together. */
  readonly annotations: number;
  /** Findings and file errors left without an annotation: their path cannot be sent as it is (see `canAnnotatePath`). */
  readonly unplaced: number;
}

/** The name of the check run, as shown in the pull request's checks list. */
export const CHECK_RUN_NAME = 'Container policy';

/** The Checks API keeps line breaks in messages; control characters are dropped like elsewhere (never from paths). */
function clean(value: string): string {
  return stripControlChars(value, '\n');
}

function fromFinding(f: Finding): CheckRunAnnotation {
  const why = f.remediation.trim() === '' ? '' : `\n\nFix: ${f.remediation}`;
  return {
    path: f.path,
    start_line: f.startLine,
    end_line: Math.max(f.startLine, f.endLine),
    annotation_level: f.severity === 'deny' ? 'failure' : 'warning',
    title: truncateChars(clean(`${f.ruleId} ${f.title}`), ANNOTATION_TITLE_MAX_CHARS),
    message: truncateUtf8(clean(f.message + why), ANNOTATION_MESSAGE_MAX_BYTES),
  };
}

/** A file-level error goes on its line (or line 1); run-wide errors have no file and go in the summary. */
function fromError(e: CheckError & { path: string }): CheckRunAnnotation {
  const line = e.line ?? 1;
  return {
    path: e.path,
    start_line: line,
    end_line: line,
    annotation_level: 'failure',
    title: `Could not check file (${e.kind} error)`,
    message: truncateUtf8(clean(e.message), ANNOTATION_MESSAGE_MAX_BYTES),
  };
}

/**
 * Every finding and file error as a check-run annotation, ordered by severity: errors, denials
 * (`failure`), warnings (`warning`), each in report order. Nothing is capped: the Checks API takes
 * any number across requests.
 */
export function toCheckRunAnnotations(result: ScanResult): CheckRunAnnotation[] {
  const fileErrors = sortErrors(result.errors).filter((e): e is CheckError & { path: string } => e.path !== undefined && canAnnotatePath(e.path));
  return [...fileErrors.map(fromError), ...sortFindings(result.findings).filter((f) => canAnnotatePath(f.path)).map(fromFinding)];
}

/**
 * Findings and file errors whose path the API cannot carry as it is, one line each for the
 * summary: an annotation must name a file, and a cleaned name would be another file's.
 */
function unplacedLines(result: ScanResult): string[] {
  const errors = sortErrors(result.errors).flatMap((e) =>
    e.path === undefined || canAnnotatePath(e.path) ? [] : [`- ${quotePath(e.path)}${e.line === undefined ? '' : `:${e.line}`}: ${e.kind} error: ${clean(e.message).replace(/\n/g, ' ')}`],
  );
  const findings = sortFindings(result.findings).flatMap((f) =>
    canAnnotatePath(f.path) ? [] : [`- ${quotePath(f.path)}:${f.startLine}: ${f.ruleId} (${f.severity}): ${clean(f.message).replace(/\n/g, ' ')}`],
  );
  return [...errors, ...findings];
}

const ALL_ANNOTATED = 'Every finding is annotated on its lines; the job summary maps them to compliance controls.';

/** Title and short summary shown at the top of the check run; `annotated` says where the findings are. */
function checkRunOutputHead(result: ScanResult, verdict: Verdict, annotated = ALL_ANNOTATED): { title: string; summary: string } {
  const deny = result.findings.filter((f) => f.severity === 'deny').length;
  const warn = result.findings.length - deny;
  const counts = `${plural(deny, 'denial')}, ${plural(warn, 'warning')}, ${plural(result.errors.length, 'error')}`;
  const lines = [
    `**Verdict: ${verdict}** — ${counts} in ${plural(result.files.length, 'file')} checked.`,
    '',
    annotated,
  ];
  const runWide = sortErrors(result.errors).filter((e) => e.path === undefined);
  if (runWide.length > 0) {
    lines.push('', 'The run could not check everything:', ...runWide.map((e) => `- ${e.kind} error: ${clean(e.message).replace(/\n/g, ' ')}`));
  }
  const unplaced = unplacedLines(result);
  if (unplaced.length > 0) {
    lines.push('', `${plural(unplaced.length, 'finding or error', 'findings and errors')} in files whose names are not valid Unicode, so no annotation can name them:`, ...unplaced);
  }
  const suppressed = result.suppressed?.length ?? 0;
  if (suppressed > 0) lines.push('', `${plural(suppressed, 'finding')} suppressed; the job summary lists them with their reasons.`);
  return {
    title: `${verdict === 'pass' ? 'Pass' : 'Fail'}: ${counts}`,
    summary: truncateChars(lines.join('\n'), CHECK_RUN_OUTPUT_MAX_CHARS),
  };
}

/**
 * Plans the check run's requests: `checks.create` with the first batch of annotations, then one
 * `checks.update` per further batch (the API appends annotations and takes at most
 * `CHECK_RUN_ANNOTATIONS_PER_REQUEST` per request). The last request also sets the conclusion,
 * `success` when the verdict passes and `failure` when it fails. When everything fits in one batch
 * the create request completes the run itself: the throttling plugin spaces write requests about a
 * second apart, so a second request would add that second to every small pull request.
 */
export function planCheckRun(result: ScanResult, verdict: Verdict, headSha: string, name = CHECK_RUN_NAME): CheckRunPlan {
  const annotations = toCheckRunAnnotations(result);
  const unplaced = result.findings.length + result.errors.filter((e) => e.path !== undefined).length - annotations.length;
  const head = checkRunOutputHead(result, verdict);
  const batches: CheckRunAnnotation[][] = [];
  for (let i = 0; i < annotations.length; i += CHECK_RUN_ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(i, i + CHECK_RUN_ANNOTATIONS_PER_REQUEST));
  }
  const [first = [], ...rest] = batches;
  const completion = { status: 'completed', conclusion: verdict === 'pass' ? 'success' : 'failure' } as const;
  const create: CheckRunCreate = { name, head_sha: headSha, status: 'in_progress', output: { ...head, annotations: first } };
  if (rest.length === 0) {
    return { create: { ...create, ...completion }, updates: [], annotations: annotations.length, unplaced };
  }
  const updates: CheckRunUpdate[] = rest.map((batch) => ({ output: { ...head, annotations: batch } }));
  const last = updates.pop() as CheckRunUpdate;
  updates.push({ ...last, ...completion });
  return { create, updates, annotations: annotations.length, unplaced };
}

/**
 * The request that completes a check run whose updates failed part-way, so it does not stay in
 * progress: the verdict's conclusion, and a summary saying that only the first `sent` of the
 * `total` annotations are on it and where the rest are. It carries no annotations, which may be
 * what the failed update was refused for.
 */
export function planIncompleteCompletion(result: ScanResult, verdict: Verdict, sent: number, total: number, reason: string): CheckRunUpdate {
  const annotated =
    `**Annotations are incomplete:** ${formatCount(sent)} of ${formatCount(total)} are on this check run; ${clean(reason).replace(/\n/g, ' ')}. ` +
    'The rest are annotations of the workflow step (GitHub shows at most 10 per level there), and the job summary lists every finding.';
  return { status: 'completed', conclusion: verdict === 'pass' ? 'success' : 'failure', output: { ...checkRunOutputHead(result, verdict, annotated), annotations: [] } };
}

/**
 * The run without the findings and file errors among the first `sent` annotations of its check
 * run (they are in annotation order), so that a fallback annotates only the rest. Run-wide errors
 * are never annotations of a check run and stay.
 */
export function withoutAnnotated(result: ScanResult, sent: number): ScanResult {
  const fileErrors = sortErrors(result.errors).filter((e) => e.path !== undefined && canAnnotatePath(e.path));
  const findings = sortFindings(result.findings).filter((f) => canAnnotatePath(f.path));
  const doneErrors = new Set(fileErrors.slice(0, sent));
  const doneFindings = new Set(findings.slice(0, Math.max(0, sent - fileErrors.length)));
  return { ...result, errors: result.errors.filter((e) => !doneErrors.has(e)), findings: result.findings.filter((f) => !doneFindings.has(f)) };
}
