import type { CheckError, Finding, ScanResult, Severity, Verdict } from '../model.js';
import { sortErrors, sortFindings } from './sort-findings.js';
import { plural, stripControlChars } from './text-utils.js';

/** How the CLI text is drawn. */
export interface TextOptions {
  /** ANSI colours; the caller decides (TTY, `NO_COLOR`, flags), the renderer never looks. */
  readonly color: boolean;
  /** Show each finding's fix under it (the CLI's `--fix`); off keeps the list to one line per finding. */
  readonly fix?: boolean;
}

const ANSI = { red: '31', yellow: '33', green: '32', magenta: '35', dim: '2', bold: '1' } as const;
type Style = keyof typeof ANSI;

function paint(on: boolean, style: Style, text: string): string {
  return on ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text;
}

/**
 * Makes a repository string safe to print: no terminal control sequences, one line, and no
 * `##[` that the Actions runner would read as a legacy command if the CLI runs in a workflow.
 */
function safe(value: string): string {
  return stripControlChars(value, ' ').replace(/##\[/g, '# #[');
}

/** Paths start output lines; a leading `:` could make a line read as a `::command`, so `./` goes first. */
function safePath(path: string): string {
  const clean = safe(path);
  return /^\s*:/.test(clean) ? `./${clean.trimStart()}` : clean;
}

const SEVERITY_STYLE: Readonly<Record<Severity, Style>> = { deny: 'red', warn: 'yellow' };

function findingLines(f: Finding, color: boolean, fix: boolean): string[] {
  const range = f.endLine === f.startLine ? `${f.startLine}` : `${f.startLine}-${f.endLine}`;
  const lines = [
    `${safePath(f.path)}:${range}  ${paint(color, SEVERITY_STYLE[f.severity], f.severity.toUpperCase())}  ${safe(f.ruleId)}  ${safe(f.message)}`,
  ];
  if (fix && f.remediation.trim() !== '') lines.push(paint(color, 'dim', `    fix: ${safe(f.remediation)}`));
  return lines;
}

function errorLine(e: CheckError, color: boolean): string {
  const where = e.path === undefined ? '(run)' : `${safePath(e.path)}${e.line === undefined ? '' : `:${e.line}`}`;
  return `${where}  ${paint(color, 'magenta', 'ERROR')}  ${e.kind}  ${safe(e.message)}`;
}

/**
 * Renders the run for a terminal: findings grouped by file (files in report order, so files with
 * denials come first), each as `path:line  SEVERITY  ruleId  message`, with an indented fix line
 * when `fix` is set; then errors; then a totals line and the verdict. Ends with a newline.
 */
export function renderText(result: ScanResult, verdict: Verdict, opts: TextOptions): string {
  const { color } = opts;
  const fix = opts.fix === true;
  const groups = new Map<string, Finding[]>();
  for (const finding of sortFindings(result.findings)) {
    const group = groups.get(finding.path);
    if (group === undefined) groups.set(finding.path, [finding]);
    else group.push(finding);
  }
  const blocks: string[] = [...groups.values()].map((group) => group.flatMap((f) => findingLines(f, color, fix)).join('\n'));
  if (result.errors.length > 0) {
    blocks.push([paint(color, 'bold', 'Errors:'), ...sortErrors(result.errors).map((e) => errorLine(e, color))].join('\n'));
  }
  const deny = result.findings.filter((f) => f.severity === 'deny').length;
  const totals =
    `${plural(result.files.length, 'file')} checked: ${plural(deny, 'denial')}, ` +
    `${plural(result.findings.length - deny, 'warning')}, ${plural(result.errors.length, 'error')}`;
  const outcome = verdict === 'pass' ? paint(color, 'green', 'PASS') : paint(color, 'red', 'FAIL');
  const suppressed = result.suppressed?.length ?? 0;
  const extra = suppressed > 0 ? ` (${plural(suppressed, 'finding')} suppressed)` : '';
  const hint = !fix && result.findings.length > 0 ? '\nRun with --fix to see how to fix each finding.' : '';
  blocks.push(`${totals}${extra}\nVerdict: ${color ? paint(true, 'bold', outcome) : outcome}${hint}`);
  return `${blocks.join('\n\n')}\n`;
}
