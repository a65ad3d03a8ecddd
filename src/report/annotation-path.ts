/**
 * Half of a UTF-16 surrogate pair on its own. UTF-8 cannot encode it: written to stdout or sent in
 * the API's JSON it reaches GitHub as U+FFFD, a name that is not the file's.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether an annotation can name this path exactly. Any character a file name may hold goes
 * through unchanged (workflow commands escape CR, LF, `%`, `:` and `,`; the Checks API takes JSON);
 * only a string UTF-8 cannot carry would land on a file of another name.
 */
export function canAnnotatePath(path: string): boolean {
  return !LONE_SURROGATE.test(path);
}

/** Line breaks, C0 and C1 controls, DEL, bidi controls and lone surrogates: shown as `\uXXXX` in a quoted path. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /^[\u0000-\u001F\u007F-\u009F\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]$/;

/**
 * The path quoted for a human-readable message, every character kept: those that would be
 * invisible, reorder the text or break the line are written as `\uXXXX`, so a reader sees exactly
 * which file is meant (the message text itself has such characters stripped).
 */
export function quotePath(path: string): string {
  let out = '';
  for (const ch of path) {
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (INVISIBLE.test(ch)) out += `\\u${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return `"${out}"`;
}
