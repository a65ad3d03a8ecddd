import type { CheckError, Finding, ScanResult, Verdict } from '../model.js';
import { rollUpCompliance, type ControlRollup, type FrameworkRollup } from './compliance-rollup.js';
import { SUMMARY_BYTE_BUDGET } from './limits.js';
import { escapeMarkdown, markdownCode } from './markdown-escape.js';
import { sortErrors, sortFindings } from './sort-findings.js';
import { fitToBudget, type TableSection } from './summary-budget.js';
import { formatCount, plural, truncateChars } from './text-utils.js';

/** Where the summary links to and how it is headed. */
export interface SummaryContext {
  /** Heading of the summary; defaults to "Container policy". */
  readonly title?: string;
  /** Commit the findings refer to; with `repoUrl`, locations link to the exact lines. */
  readonly headSha?: string;
  /** e.g. `https://github.com/owner/repo`. */
  readonly repoUrl?: string;
  /** What was checked, in words (e.g. "files changed in pull request #12"); shown under the verdict. */
  readonly scope?: string;
  /** Byte budget for the whole summary; defaults to `SUMMARY_BYTE_BUDGET`. Lower it to leave room for other content. */
  readonly maxBytes?: number;
}

/** Longest message or fix shown in a table cell, in characters: a readability cap, not GitHub's. */
export const MAX_CELL_CHARS = 1_000;
/** Files listed per compliance control before "and N more". */
export const MAX_FILES_PER_CONTROL = 10;

const CELL_CUT_MARKER = '… (cut; the JSON report has the full text)';

function cell(value: string): string {
  return escapeMarkdown(truncateChars(value, MAX_CELL_CHARS, CELL_CUT_MARKER));
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |\n`;
}

/** Only well-formed values build links; anything else falls back to plain text rather than a broken URL. */
function linkBase(ctx: SummaryContext): string | undefined {
  const repo = ctx.repoUrl?.replace(/\/+$/, '');
  if (repo === undefined || ctx.headSha === undefined) return undefined;
  if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~-]+)*$/.test(repo)) return undefined;
  if (!/^[0-9a-f]{7,64}$/i.test(ctx.headSha)) return undefined;
  return `${repo}/blob/${ctx.headSha}/`;
}

/** Percent-encodes each path segment, including the parentheses that would end a markdown link. */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/\(/g, '%28').replace(/\)/g, '%29'))
    .join('/');
}

function location(base: string | undefined, path: string, start?: number, end?: number): string {
  const range = start === undefined ? '' : end === undefined || end === start ? `:${start}` : `:${start}-${end}`;
  const text = escapeMarkdown(path + range);
  if (base === undefined) return text;
  const anchor = start === undefined ? '' : `#L${start}-L${end ?? start}`;
  return `[${text}](${base}${encodePath(path)}${anchor})`;
}

function renderHead(result: ScanResult, verdict: Verdict, title: string, scope: string | undefined): string {
  const deny = result.findings.filter((f) => f.severity === 'deny').length;
  const warn = result.findings.length - deny;
  const errors = result.errors.length;
  const mark = verdict === 'pass' ? '✅ pass' : '❌ fail';
  const parts = [plural(deny, 'denial'), plural(warn, 'warning'), plural(errors, 'error'), `${plural(result.files.length, 'file')} checked`];
  return (
    `## ${escapeMarkdown(title)}\n\n` +
    `**Verdict: ${mark}** · ${parts.join(' · ')}\n\n` +
    (scope === undefined ? '' : `Scope: ${escapeMarkdown(scope)}\n\n`) +
    '| Severity | Count |\n| --- | ---: |\n' +
    row(['deny', formatCount(deny)]) +
    row(['warn', formatCount(warn)]) +
    row(['error', formatCount(errors)])
  );
}

function cutNote(what: string, budget: number): (omitted: number) => string {
  return (omitted) =>
    `_${plural(omitted, what)} not shown: this summary is kept under ${formatCount(budget)} bytes ` +
    `(GitHub drops job summaries over 1 MiB). The JSON report lists every finding and error._`;
}

function findingsSection(findings: readonly Finding[], base: string | undefined, budget: number): TableSection {
  return {
    heading: '### Findings\n\n',
    tableHead: row(['Severity', 'Rule', 'Location', 'Message', 'Fix']) + row(['---', '---', '---', '---', '---']),
    rows: findings.map((f) =>
      row([f.severity, `${markdownCode(f.ruleId)} ${cell(f.title)}`, location(base, f.path, f.startLine, f.endLine), cell(f.message), cell(f.remediation)]),
    ),
    empty: '### Findings\n\nNo findings.\n',
    cutNote: cutNote('finding', budget),
  };
}

function errorsSection(errors: readonly CheckError[], base: string | undefined, budget: number): TableSection {
  return {
    heading: '### Errors\n\nThese could not be checked; each fails the run unless errors are allowed.\n\n',
    tableHead: row(['Kind', 'Location', 'Message']) + row(['---', '---', '---']),
    rows: errors.map((e) => row([e.kind, e.path === undefined ? '(whole run)' : location(base, e.path, e.line), cell(e.message)])),
    cutNote: cutNote('error', budget),
  };
}

function controlRow(control: ControlRollup): string {
  const shown = control.paths.slice(0, MAX_FILES_PER_CONTROL).map((p) => escapeMarkdown(p));
  const more = control.paths.length - shown.length;
  if (more > 0) shown.push(`… and ${plural(more, 'more file')}`);
  return row([
    escapeMarkdown(control.controlId),
    control.title === undefined ? '—' : escapeMarkdown(control.title),
    control.worst,
    control.ruleIds.map(markdownCode).join(', '),
    shown.join('<br>'),
  ]);
}

function complianceSections(frameworks: readonly FrameworkRollup[], budget: number): TableSection[] {
  return frameworks.map((framework, i) => ({
    heading:
      (i === 0 ? '### Compliance\n\nControls touched by findings, with the rules and files that failed them.\n\n' : '') +
      `#### ${escapeMarkdown(framework.name)}${framework.suggested ? ' (suggested mapping)' : ''}\n\n`,
    tableHead: row(['Control', 'Title', 'Worst', 'Rules', 'Files']) + row(['---', '---', '---', '---', '---']),
    rows: framework.controls.map(controlRow),
    cutNote: cutNote('control', budget),
  }));
}

/**
 * Renders the job summary as GitHub-flavoured markdown: verdict and counts, findings, errors, then
 * the compliance controls the findings touch. Every value from a repository file is escaped. The
 * result stays within `ctx.maxBytes` (default `SUMMARY_BYTE_BUDGET`): past it, table rows are
 * dropped (errors keep theirs longest, then findings, then compliance) and a line says how many.
 */
export function renderSummary(result: ScanResult, verdict: Verdict, ctx: SummaryContext = {}): string {
  const budget = ctx.maxBytes ?? SUMMARY_BYTE_BUDGET;
  const base = linkBase(ctx);
  const findings = sortFindings(result.findings);
  const sections = [
    findingsSection(findings, base, budget),
    errorsSection(sortErrors(result.errors), base, budget),
    ...complianceSections(rollUpCompliance(findings), budget),
  ];
  const priority = [1, 0, ...sections.slice(2).map((_, i) => i + 2)];
  return fitToBudget(renderHead(result, verdict, ctx.title ?? 'Container policy', ctx.scope), sections, priority, budget);
}
