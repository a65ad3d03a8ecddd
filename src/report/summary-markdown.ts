import type { Catalogue } from '../evaluate/catalogue.js';
import type { CheckError, Finding, FrameworkId, ScanResult, SuppressedFinding, Verdict } from '../model.js';
import { rollUpCompliance, type ControlRollup, type FrameworkRollup } from './compliance-rollup.js';
import { SUMMARY_BYTE_BUDGET } from './limits.js';
import { escapeMarkdown, markdownCode } from './markdown-escape.js';
import { compareFindings, sortErrors, sortFindings } from './sort-findings.js';
import { fitToBudget, type TableSection } from './summary-budget.js';
import { formatCount, plural, truncateChars } from './text-utils.js';

/** How the findings reached the pull request's lines, so the summary can say what was not shown inline. */
export interface AnnotationNote {
  readonly mode: 'check-run' | 'workflow-commands';
  /** Annotations shown on the lines. */
  readonly annotated: number;
  /** Findings and errors left without an inline annotation. */
  readonly notShown: number;
  /** The check run carrying the annotations. */
  readonly checkRunUrl?: string;
  /** Why there is no check run (workflow-commands mode), e.g. the API's refusal. */
  readonly reason?: string;
  /** A check run created before the API failed: the annotations it holds, and whether it was completed with the verdict. */
  readonly partialCheckRun?: { readonly annotated: number; readonly completed: boolean; readonly url?: string };
}

/** Where the summary links to, what it shows, and how it is headed. */
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
  /** Every rule of the policy, so the compliance section can list controls that passed. */
  readonly catalogue?: Catalogue;
  /** Frameworks in the compliance section; undefined shows all. */
  readonly frameworks?: readonly FrameworkId[];
  readonly annotations?: AnnotationNote;
  /** Where the complete report is, in words written by the caller (markdown, not repository text). */
  readonly fullReport?: string;
}

/** Longest message or fix shown in a table cell, in characters: a readability cap, not GitHub's. */
export const MAX_CELL_CHARS = 1_000;
/** Files listed per compliance control before "and N more". */
export const MAX_FILES_PER_CONTROL = 10;
/** Notices listed before "and N more": they are one-line hints, not the report. */
export const MAX_NOTICES = 20;

const CELL_CUT_MARKER = '… (cut; the JSON report has the full text)';
const DEFAULT_FULL_REPORT = 'the JSON report (the `json-report` input, or `container-policy scan --format json`)';

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

function link(base: string | undefined, text: string, path: string, start?: number, end?: number): string {
  if (base === undefined) return text;
  const anchor = start === undefined ? '' : `#L${start}-L${end ?? start}`;
  return `[${text}](${base}${encodePath(path)}${anchor})`;
}

function lineRange(start?: number, end?: number): string {
  return start === undefined ? '' : end === undefined || end === start ? `${start}` : `${start}-${end}`;
}

function location(base: string | undefined, path: string, start?: number, end?: number): string {
  const range = lineRange(start, end);
  return link(base, escapeMarkdown(range === '' ? path : `${path}:${range}`), path, start, end);
}

/** "the check run", linked when the API gave a plain http(s) URL (it comes from the API; nothing else becomes a link). */
function checkRunLink(url: string | undefined): string {
  return url !== undefined && /^https?:\/\/[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+$/.test(url) ? `[the check run](${url})` : 'the check run';
}

/** What happened to a check run created before the API failed: how much it holds, and whether it concluded. */
function partialCheckRunLine(note: AnnotationNote): string {
  const run = note.partialCheckRun;
  if (run === undefined) return '';
  const reason = note.reason === undefined ? '' : ` (${escapeMarkdown(note.reason)})`;
  const state = run.completed ? 'says they are incomplete and was completed with the verdict' : 'stays in progress: completing it failed too';
  return (
    `A check run was created, but adding its annotations failed${reason}: ${checkRunLink(run.url)} holds the first ${plural(run.annotated, 'annotation')}, ` +
    `${state}. The rest went to the log as workflow commands`
  );
}

function annotationLine(note: AnnotationNote | undefined, fullReport: string): string {
  if (note === undefined) return '';
  if (note.mode === 'check-run') {
    const where = checkRunLink(note.checkRunUrl);
    if (note.notShown > 0) {
      return (
        `${plural(note.annotated, 'annotation')} on ${where}.\n\n` +
        `> [!WARNING]\n> **${plural(note.notShown, 'finding')} not shown inline:** their file names are not valid Unicode, so no annotation can name them. ` +
        `They are listed below under Findings and in ${fullReport}.\n\n`
      );
    }
    return `Every finding is annotated on its lines: ${plural(note.annotated, 'annotation')} on ${where}.\n\n`;
  }
  const partial = partialCheckRunLine(note);
  if (note.notShown === 0) {
    if (partial !== '') return `${partial}, where every finding is annotated (${plural(note.annotated, 'annotation')}).\n\n`;
    return `Every finding is annotated on its lines (${plural(note.annotated, 'annotation')} in the log).\n\n`;
  }
  const reason = note.reason === undefined ? '' : ` (${escapeMarkdown(note.reason)})`;
  const how =
    partial === ''
      ? `No check run could be created${reason}, so annotations went to the log, where GitHub shows at most 10 per level in a step: ${formatCount(note.annotated)} shown. `
      : `${partial}, where GitHub shows at most 10 per level in a step: ${formatCount(note.annotated)} shown. `;
  return (
    `> [!WARNING]\n> **${plural(note.notShown, 'finding')} not shown inline.** ${how}` +
    `Every finding is listed below under Findings and in ${fullReport}. ` +
    (partial === '' ? 'Grant `checks: write` to annotate them all.\n\n' : 'Re-run the job to annotate them all on a new check run.\n\n')
  );
}

function noticeLines(notices: readonly string[] | undefined): string {
  if (notices === undefined || notices.length === 0) return '';
  const shown = notices.slice(0, MAX_NOTICES).map((n) => `- ${cell(n)}\n`);
  if (notices.length > MAX_NOTICES) shown.push(`- … and ${plural(notices.length - MAX_NOTICES, 'more notice')} in the log\n`);
  return `**Notes**\n\n${shown.join('')}\n`;
}

function renderHead(result: ScanResult, verdict: Verdict, ctx: SummaryContext, fullReport: string): string {
  const deny = result.findings.filter((f) => f.severity === 'deny').length;
  const warn = result.findings.length - deny;
  const errors = result.errors.length;
  const suppressed = result.suppressed?.length ?? 0;
  const mark = verdict === 'pass' ? '✅ pass' : '❌ fail';
  const parts = [plural(deny, 'denial'), plural(warn, 'warning'), plural(errors, 'error'), `${plural(result.files.length, 'file')} checked`];
  if (suppressed > 0) parts.push(`${formatCount(suppressed)} suppressed`);
  return (
    `## ${escapeMarkdown(ctx.title ?? 'Container policy')}\n\n` +
    `**Verdict: ${mark}** · ${parts.join(' · ')}\n\n` +
    (ctx.scope === undefined ? '' : `Scope: ${escapeMarkdown(ctx.scope)}\n\n`) +
    '| Severity | Count |\n| --- | ---: |\n' +
    row(['deny', formatCount(deny)]) +
    row(['warn', formatCount(warn)]) +
    row(['error', formatCount(errors)]) +
    (suppressed > 0 ? row(['suppressed', formatCount(suppressed)]) : '') +
    '\n' +
    annotationLine(ctx.annotations, fullReport) +
    noticeLines(result.notices)
  ).replace(/\n\n$/, '\n');
}

function cutNote(what: string, budget: number, fullReport: string): (omitted: number) => string {
  return (omitted) =>
    `_${plural(omitted, what)} not shown: this summary is kept under ${formatCount(budget)} bytes ` +
    `(GitHub drops job summaries over 1 MiB). Everything is in ${fullReport}._`;
}

/** Findings of one file, in report order; files come in the order of their first finding (denials first). */
function groupByFile(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = groups.get(f.path);
    if (group === undefined) groups.set(f.path, [f]);
    else group.push(f);
  }
  return [...groups.values()];
}

/**
 * One table per file, under a heading linking to the file; files in the order of their first
 * finding (denials first). The heading and table head ride on each file's first row, so the budget
 * cuts whole rows from the end and a file whose rows are all cut disappears with them.
 */
function findingsSection(findings: readonly Finding[], base: string | undefined, cut: (what: string) => (n: number) => string): TableSection {
  const tableHead = row(['Line', 'Severity', 'Rule', 'Message', 'Fix']) + row(['---:', '---', '---', '---', '---']);
  const rows = groupByFile(findings).flatMap((group) => {
    const path = group[0]?.path ?? '';
    const deny = group.filter((f) => f.severity === 'deny').length;
    const counts = [deny > 0 ? plural(deny, 'denial') : '', group.length > deny ? plural(group.length - deny, 'warning') : ''].filter(Boolean);
    const heading = `\n#### ${link(base, markdownCode(path), path)} · ${counts.join(', ')}\n\n${tableHead}`;
    return group.map(
      (f, i) =>
        (i === 0 ? heading : '') +
        row([
          link(base, lineRange(f.startLine, f.endLine), f.path, f.startLine, f.endLine),
          f.severity,
          `${markdownCode(f.ruleId)} ${cell(f.title)}`,
          cell(f.message),
          cell(f.remediation),
        ]),
    );
  });
  return { heading: '### Findings\n', tableHead: '', rows, empty: '### Findings\n\nNo findings.\n', cutNote: cut('finding') };
}

function errorsSection(errors: readonly CheckError[], base: string | undefined, cut: (what: string) => (n: number) => string): TableSection {
  return {
    heading: '### Errors\n\nThese could not be checked; each fails the run unless errors are allowed.\n\n',
    tableHead: row(['Kind', 'Location', 'Message']) + row(['---', '---', '---']),
    rows: errors.map((e) => row([e.kind, e.path === undefined ? '(whole run)' : location(base, e.path, e.line), cell(e.message)])),
    cutNote: cut('error'),
  };
}

const SUPPRESSED_BY: Readonly<Record<SuppressedFinding['by'], string>> = {
  comment: 'inline comment',
  exclusion: 'exclusion',
  config: 'configuration',
};

function suppressedSection(suppressed: readonly SuppressedFinding[], base: string | undefined, cut: (what: string) => (n: number) => string): TableSection {
  const sorted = [...suppressed].sort((a, b) => compareFindings(a.finding, b.finding));
  return {
    heading: '### Suppressed findings\n\nKept out of the verdict, with the reason given for each.\n\n',
    tableHead: row(['Rule', 'Location', 'By', 'Reason', 'Where']) + row(['---', '---', '---', '---', '---']),
    rows: sorted.map(({ finding: f, by, reason, source }) =>
      row([`${markdownCode(f.ruleId)} ${cell(f.title)}`, location(base, f.path, f.startLine, f.endLine), SUPPRESSED_BY[by], cell(reason), markdownCode(source)]),
    ),
    cutNote: cut('suppressed finding'),
  };
}

const STATUS: Readonly<Record<ControlRollup['status'], string>> = { failed: '❌ failed', passed: '✅ passed', 'not-checked': '➖ not checked' };

function filesCell(control: ControlRollup): string {
  if (control.status === 'not-checked') return 'no file of the kinds its rules check';
  if (control.status === 'passed') return `${plural(control.paths.length, 'file')} checked, nothing found`;
  const shown = control.paths.slice(0, MAX_FILES_PER_CONTROL).map((p) => escapeMarkdown(p));
  const more = control.paths.length - shown.length;
  if (more > 0) shown.push(`… and ${plural(more, 'more file')}`);
  return shown.join('<br>');
}

function controlRow(control: ControlRollup): string {
  const status = control.status === 'failed' ? `${STATUS.failed} (${control.worst ?? 'deny'})` : STATUS[control.status];
  const suppressed = control.suppressed > 0 ? `<br>${formatCount(control.suppressed)} suppressed` : '';
  return row([
    escapeMarkdown(control.controlId),
    control.title === undefined ? '—' : escapeMarkdown(control.title),
    status + suppressed,
    control.ruleIds.map(markdownCode).join(', '),
    filesCell(control),
  ]);
}

function complianceSections(frameworks: readonly FrameworkRollup[], withCatalogue: boolean, cut: (what: string) => (n: number) => string): TableSection[] {
  const intro = withCatalogue
    ? 'Each control the policy checks: failed when a finding maps to it, passed when its rules ran on the checked files and found nothing.\n\n'
    : 'Controls touched by findings, with the rules and files that failed them.\n\n';
  return frameworks.map((framework, i) => {
    const count = (status: ControlRollup['status']) => framework.controls.filter((c) => c.status === status).length;
    const tally = [`${formatCount(count('failed'))} failed`, `${formatCount(count('passed'))} passed`];
    if (count('not-checked') > 0) tally.push(`${formatCount(count('not-checked'))} not checked`);
    return {
      heading:
        (i === 0 ? `### Compliance\n\n${intro}` : '') +
        `#### ${escapeMarkdown(framework.name)}${framework.suggested ? ' (suggested mapping)' : ''} · ${tally.join(', ')}\n\n`,
      tableHead: row(['Control', 'Title', 'Status', 'Rules', 'Files']) + row(['---', '---', '---', '---', '---']),
      rows: framework.controls.map(controlRow),
      cutNote: cut('control'),
    };
  });
}

/**
 * Renders the job summary as GitHub-flavoured markdown: verdict and counts, how findings were
 * annotated, notices; then findings grouped by file with links to their lines, errors,
 * suppressed findings with their reasons, and the compliance controls checked, failed and passed.
 * Every value from a repository file is escaped. The result stays within `ctx.maxBytes` (default
 * `SUMMARY_BYTE_BUDGET`): past it, table rows are dropped (errors keep theirs longest, then
 * findings, suppressed findings, compliance) and a line says how many and where the rest is.
 */
export function renderSummary(result: ScanResult, verdict: Verdict, ctx: SummaryContext = {}): string {
  const budget = ctx.maxBytes ?? SUMMARY_BYTE_BUDGET;
  const fullReport = ctx.fullReport ?? DEFAULT_FULL_REPORT;
  const cut = (what: string) => cutNote(what, budget, fullReport);
  const base = linkBase(ctx);
  const findings = sortFindings(result.findings);
  const compliance = rollUpCompliance({
    findings,
    files: result.files,
    errors: result.errors,
    ...(result.suppressed ? { suppressed: result.suppressed } : {}),
    ...(ctx.catalogue ? { catalogue: ctx.catalogue } : {}),
    ...(ctx.frameworks ? { frameworks: ctx.frameworks } : {}),
  });
  const sections = [
    findingsSection(findings, base, cut),
    errorsSection(sortErrors(result.errors), base, cut),
    suppressedSection(result.suppressed ?? [], base, cut),
    ...complianceSections(compliance, ctx.catalogue !== undefined, cut),
  ];
  const priority = [1, 0, ...sections.slice(2).map((_, i) => i + 2)];
  return fitToBudget(renderHead(result, verdict, ctx, fullReport), sections, priority, budget);
}
