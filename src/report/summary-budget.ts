/**
 * Fits a markdown document made of a fixed head and table sections into a byte budget by dropping
 * trailing table rows, and says in each cut section how many rows went. Pure; used by the summary.
 */

/** A table section of the document. Every string ends with a newline. */
export interface TableSection {
  /** Heading and text before the table, e.g. `### Findings\n\n`. */
  readonly heading: string;
  /** Header and delimiter rows of the table. */
  readonly tableHead: string;
  readonly rows: readonly string[];
  /** What to show when the section has no rows at all; undefined leaves the section out. */
  readonly empty?: string;
  /** The line that replaces `omitted` rows cut for the budget. */
  readonly cutNote: (omitted: number) => string;
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Renders a section showing its first `shown` rows; each section opens with a blank line. */
function renderSection(section: TableSection, shown: number): string {
  const total = section.rows.length;
  if (total === 0) return section.empty === undefined ? '' : `\n${section.empty}`;
  let out = `\n${section.heading}`;
  if (shown > 0) out += section.tableHead + section.rows.slice(0, shown).join('');
  if (shown < total) out += `${shown > 0 ? '\n' : ''}${section.cutNote(total - shown)}\n`;
  return out;
}

function assemble(head: string, sections: readonly TableSection[], shown: readonly number[]): string {
  return head + sections.map((section, i) => renderSection(section, shown[i] ?? 0)).join('');
}

/** Exact byte size of a section showing `shown` rows, from prefix sums (renderSection's layout). */
function sectionBytes(section: TableSection, prefix: readonly number[], shown: number): number {
  const total = section.rows.length;
  if (total === 0) return section.empty === undefined ? 0 : 1 + bytes(section.empty);
  let size = 1 + bytes(section.heading);
  if (shown > 0) size += bytes(section.tableHead) + (prefix[shown] ?? 0);
  if (shown < total) size += (shown > 0 ? 1 : 0) + bytes(section.cutNote(total - shown)) + 1;
  return size;
}

/**
 * Returns the whole document when it fits in `budget` bytes. Otherwise drops rows from the end of
 * the section last in `priority` (indexes into `sections`, most important first), then the one
 * before it, measuring exactly, until the document fits. Should even the head and cut notes not
 * fit, that smallest document is returned.
 */
export function fitToBudget(head: string, sections: readonly TableSection[], priority: readonly number[], budget: number): string {
  const prefixes = sections.map((section) => {
    const sums = [0];
    for (const row of section.rows) sums.push((sums.at(-1) ?? 0) + bytes(row));
    return sums;
  });
  const shown = sections.map((section) => section.rows.length);
  const sizes = sections.map((section, i) => sectionBytes(section, prefixes[i] ?? [], shown[i] ?? 0));
  let total = bytes(head) + sizes.reduce((a, b) => a + b, 0);
  for (const index of [...priority].reverse()) {
    const section = sections[index];
    if (section === undefined) continue;
    while (total > budget && (shown[index] ?? 0) > 0) {
      shown[index] = (shown[index] ?? 0) - 1;
      const size = sectionBytes(section, prefixes[index] ?? [], shown[index] ?? 0);
      total += size - (sizes[index] ?? 0);
      sizes[index] = size;
    }
  }
  return assemble(head, sections, shown);
}
