import type { CheckError, Finding, ScanResult } from '../model.js';
import { canAnnotatePath, quotePath } from './annotation-path.js';
import {
  ANNOTATION_MESSAGE_MAX_BYTES,
  ANNOTATION_TITLE_MAX_CHARS,
  ANNOTATIONS_PER_LEVEL_PER_STEP,
  ERROR_ANNOTATIONS_RESERVED,
  NOTICE_ANNOTATIONS_RESERVED,
} from './limits.js';
import { sortErrors, sortFindings } from './sort-findings.js';
import { plural, stripControlChars, truncateChars, truncateUtf8 } from './text-utils.js';

/** How many annotations of each level one step may emit; see `limits.ts` for where the numbers come from. */
export interface AnnotationLimits {
  readonly errors: number;
  readonly warnings: number;
}

/** GitHub's per-step cap, less the error slot kept for the step's own failure message. */
export const DEFAULT_ANNOTATION_LIMITS: AnnotationLimits = {
  errors: ANNOTATIONS_PER_LEVEL_PER_STEP - ERROR_ANNOTATIONS_RESERVED,
  warnings: ANNOTATIONS_PER_LEVEL_PER_STEP,
};

interface Annotation {
  readonly level: 'error' | 'warning' | 'notice';
  readonly file?: string;
  readonly line?: number;
  readonly endLine?: number;
  readonly title?: string;
  readonly message: string;
}

/** Escapes a command's data as the toolkit does, so a value cannot end the line and start a new command. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value as the toolkit does: data escaping plus `:` and `,`, the property delimiters. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Terminal-control and bidi characters go before escaping (the log viewer renders ANSI sequences);
 * line breaks stay and are escaped, so multi-line messages keep their shape in the annotation.
 */
function clean(value: string): string {
  return stripControlChars(value, '\n');
}

function formatCommand(annotation: Annotation): string {
  const props: [string, string][] = [];
  // The path goes through unchanged (escapeProperty keeps it on the line); a cleaned path would name another file.
  if (annotation.file !== undefined) props.push(['file', annotation.file]);
  if (annotation.line !== undefined) props.push(['line', String(annotation.line)]);
  if (annotation.endLine !== undefined) props.push(['endLine', String(annotation.endLine)]);
  if (annotation.title !== undefined) {
    props.push(['title', truncateChars(clean(annotation.title), ANNOTATION_TITLE_MAX_CHARS)]);
  }
  const head = props.length > 0 ? ` ${props.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',')}` : '';
  const message = truncateUtf8(clean(annotation.message), ANNOTATION_MESSAGE_MAX_BYTES);
  return `::${annotation.level}${head}::${escapeData(message)}`;
}

/**
 * Where an annotation points: its file and lines, or, when the path cannot be written faithfully,
 * no file at all and the quoted path and lines leading the message, rather than another file.
 */
function placed(path: string, line: number | undefined, endLine: number | undefined, message: string): Pick<Annotation, 'file' | 'line' | 'endLine' | 'message'> {
  if (canAnnotatePath(path)) {
    return { file: path, ...(line === undefined ? {} : { line }), ...(endLine === undefined ? {} : { endLine }), message };
  }
  const lines = line === undefined ? '' : endLine === undefined || endLine === line ? `, line ${line}` : `, lines ${line}-${endLine}`;
  return { message: `In file ${quotePath(path)}${lines}: ${message}` };
}

function fromFinding(finding: Finding): Annotation {
  const fix = finding.remediation.trim() === '' ? '' : ` — Fix: ${finding.remediation}`;
  return {
    level: finding.severity === 'deny' ? 'error' : 'warning',
    title: `${finding.ruleId} ${finding.title}`,
    ...placed(finding.path, finding.startLine, finding.endLine, finding.message + fix),
  };
}

function fromError(error: CheckError): Annotation {
  if (error.path === undefined) {
    return { level: 'error', message: `Container policy check could not run (${error.kind} error): ${error.message}` };
  }
  return {
    level: 'error',
    title: `Could not check file (${error.kind} error)`,
    ...placed(error.path, error.line, undefined, error.message),
  };
}

/** The workflow-command lines for a run, and how many annotations were shown and left out. */
export interface WorkflowCommandPlan {
  readonly lines: string[];
  /** Findings and errors annotated. */
  readonly shown: number;
  /** Findings and errors past GitHub's per-step cap, left without an annotation. */
  readonly notShown: number;
}

/**
 * Plans the run as workflow-command lines for stdout, one annotation per line, ordered by
 * severity: check errors first (they fail the run), then denials as `error`, then warnings as
 * `warning`, each in report order. GitHub drops annotations past its per-step cap without a word,
 * so this stops at `limits` and adds one `notice` saying how many were left out and where they are.
 */
export function planWorkflowCommands(result: ScanResult, limits: AnnotationLimits = DEFAULT_ANNOTATION_LIMITS): WorkflowCommandPlan {
  const findings = sortFindings(result.findings);
  const errorLevel = [
    ...sortErrors(result.errors).map(fromError),
    ...findings.filter((f) => f.severity === 'deny').map(fromFinding),
  ];
  const warningLevel = findings.filter((f) => f.severity !== 'deny').map(fromFinding);
  const shown = [...errorLevel.slice(0, limits.errors), ...warningLevel.slice(0, limits.warnings)];
  const lines = shown.map(formatCommand);
  const cutErrors = Math.max(0, errorLevel.length - limits.errors);
  const cutWarnings = Math.max(0, warningLevel.length - limits.warnings);
  if (cutErrors + cutWarnings > 0) {
    lines.push(
      formatCommand({
        level: 'notice',
        title: 'Annotations cut',
        message:
          `${plural(cutErrors, 'error')} and ${plural(cutWarnings, 'warning')} not annotated: ` +
          `GitHub shows at most ${ANNOTATIONS_PER_LEVEL_PER_STEP} annotations per level in a step. ` +
          'The job summary and the JSON report list every finding.',
      }),
    );
  }
  return { lines, shown: shown.length, notShown: cutErrors + cutWarnings };
}

/** The lines of `planWorkflowCommands`. */
export function renderWorkflowCommands(result: ScanResult, limits: AnnotationLimits = DEFAULT_ANNOTATION_LIMITS): string[] {
  return planWorkflowCommands(result, limits).lines;
}

/** Notices the run's own notes may take: GitHub's cap less the slot kept for the "Annotations cut" notice. */
export const NOTICE_SLOTS = ANNOTATIONS_PER_LEVEL_PER_STEP - NOTICE_ANNOTATIONS_RESERVED;

/** The run's notes as the step prints them: as notice annotations, and past GitHub's cap as plain log lines. */
export interface NoticePlan {
  /** Texts for notice annotations, control and bidi characters stripped (line breaks kept, to be escaped). */
  readonly notices: readonly string[];
  /** Notes past the cap, one line each, stripped the same way. */
  readonly log: readonly string[];
}

/**
 * Plans the notes (`ScanResult.notices`) as notices. Text from repository files (a service name)
 * is stripped of terminal and bidi controls as in every other report. GitHub shows at most
 * `ANNOTATIONS_PER_LEVEL_PER_STEP` notices in a step and drops the rest without a word, and the
 * "Annotations cut" notice of `planWorkflowCommands` comes later, so the notes keep within
 * `slots`; when there are more, the last slot says how many went to the log instead.
 */
export function planNotices(notes: readonly string[], slots: number = NOTICE_SLOTS): NoticePlan {
  const cleaned = notes.map(clean);
  if (cleaned.length <= slots) return { notices: cleaned, log: [] };
  const shown = cleaned.slice(0, Math.max(0, slots - 1));
  const rest = cleaned.slice(shown.length);
  return {
    notices: [...shown, `${plural(rest.length, 'more note')} in this step's log: GitHub shows at most ${ANNOTATIONS_PER_LEVEL_PER_STEP} notices in a step.`],
    log: rest.map((note) => stripControlChars(note)),
  };
}
