/** Small string helpers shared by the renderers. Pure; no renderer-specific escaping here. */

/** CR LF, lone CR, lone LF, and the Unicode line and paragraph separators. */
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;

/**
 * C0 controls (ESC starts terminal sequences), DEL, C1 controls (0x9B is a one-byte CSI), and the
 * bidirectional overrides and isolates that can make displayed text differ from its bytes.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Removes characters that could drive a terminal or reorder displayed text, and replaces line
 * breaks (and tabs) with `lineBreak` so one value stays on one output line.
 */
export function stripControlChars(value: string, lineBreak = ' '): string {
  return value.replace(LINE_BREAKS, lineBreak).replace(/\t/g, ' ').replace(UNSAFE_CHARS, '');
}

/**
 * Cuts `value` to at most `max` code points, marker included, never splitting a surrogate pair.
 * The marker shows the reader that text was cut.
 */
export function truncateChars(value: string, max: number, marker = '…'): string {
  if (value.length <= max) return value;
  const points = Array.from(value);
  if (points.length <= max) return value;
  const keep = Math.max(0, max - Array.from(marker).length);
  return points.slice(0, keep).join('') + marker;
}

/** Cuts `value` so its UTF-8 encoding, including the marker, fits in `maxBytes`. */
export function truncateUtf8(value: string, maxBytes: number): string {
  if (Buffer.byteLength(value, 'utf8') <= maxBytes) return value;
  const marker = '… (truncated)';
  let budget = maxBytes - Buffer.byteLength(marker, 'utf8');
  let out = '';
  for (const point of value) {
    budget -= Buffer.byteLength(point, 'utf8');
    if (budget < 0) break;
    out += point;
  }
  return out + marker;
}

/** `1234567` → `1,234,567`, independent of the machine's locale data. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `plural(1, 'error')` → `1 error`; `plural(2, 'denial')` → `2 denials`. */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : nouns}`;
}
