/** A printed results table: one row per measurement, with the target it is held to. */
export interface Row {
  readonly section: string;
  readonly measure: string;
  readonly value: string;
  readonly target?: string;
  /** true: meets the target; false: misses it; undefined: no target. */
  readonly ok?: boolean;
}

/** Renders rows as a Markdown table, so the output can be pasted into bench/README.md as is. */
export function renderTable(rows: readonly Row[]): string {
  const header = ['section', 'measure', 'value', 'target', ''];
  const body = rows.map((r) => [r.section, r.measure, r.value, r.target ?? '', r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] as string).length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

export const ms = (value: number): string => `${value.toFixed(0)} ms`;
/** A process's CPU time (user + system, all threads), or n/a where it was not measured. */
export const cpu = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)} ms of CPU` : 'CPU n/a');
export const mib = (value: number, digits = 0): string => (Number.isFinite(value) ? `${value.toFixed(digits)} MiB` : 'n/a');

/** The issue sets its memory targets in MB (10^6 bytes); peak RSS is measured in MiB (2^20 bytes). */
export const mbInMiB = (mb: number): number => (mb * 1e6) / 2 ** 20;

/** A memory target as the issue states it, with the MiB it is compared in. */
export const mbTarget = (mb: number): string => `≤ ${mb} MB (${mbInMiB(mb).toFixed(1)} MiB)`;

export const ratio = (value: number): string => `${value.toFixed(1)}×`;
