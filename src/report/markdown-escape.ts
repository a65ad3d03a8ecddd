import { stripControlChars } from './text-utils.js';

/**
 * Characters replaced by numeric character references. CommonMark treats a reference as literal
 * text, never as syntax, so a value cannot open a tag, a link (`[`), emphasis (`* _ ~`), a code
 * span (`` ` ``), an escape (`\`) or a new table cell (`|`, split before inline parsing).
 * `[` also breaks the runner's legacy `##[command]` syntax should this text reach a log.
 */
const REFERENCES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '|': '&#124;',
  '`': '&#96;',
  '\\': '&#92;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '~': '&#126;',
};
const SPECIAL = /[&<>"'|`\\*_[\]~]/g;

/**
 * Makes a value from a repository file safe inside a GitHub-flavoured markdown table cell (and in
 * plain paragraphs): markup characters become references, control characters go, and line breaks
 * become `<br>` so the row stays on one line.
 */
export function escapeMarkdown(value: string): string {
  return stripControlChars(value, '\n')
    .split('\n')
    .map((line) => line.replace(SPECIAL, (ch) => REFERENCES[ch] ?? ch))
    .join('<br>');
}

/** A value shown as code: an HTML `<code>` element, so escaping (not backtick counting) protects it. */
export function markdownCode(value: string): string {
  return `<code>${escapeMarkdown(value)}</code>`;
}
