/**
 * Where pieces of shell text end, as pure functions of the source: the parts of the grammar that
 * are patterns rather than structure (`${…}` bodies, `$'…'` strings, heredoc delimiters and bodies).
 * Each answers only for the forms the fast path follows, and `undefined` for anything else.
 */

// `${…}` after the `${`: a name or a number, then `}` or an operator (`:-`, `#`, `%%`, `/`, `:`, `^`…)
// and a word of plain text, escaped characters and `$NAME`s (and quoted strings of the same, outside
// double quotes); or `${!NAME}`, `${NAME[KEY]}` with a plain key. Anything else that could nest or
// quote (or `${#V…}` forms, `${!V*}`, `${@}`) goes to the full parser.
const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const PARAM_TEXT = `[^"'\\\\$\`{}()\\n]|\\\\[^\\n]|\\$${NAME}(?![A-Za-z0-9_])`;
const paramBody = (operand: string): RegExp =>
  new RegExp(
    [
      `[#!]${NAME}\\}`,
      `${NAME}\\[(?:[@*]|[0-9]+|\\$?${NAME})\\]\\}`,
      `(?:${NAME}|[0-9]+)(?:\\}|(?::?[-=+?]|##?|%%?|\\/\\/?|\\^\\^?|,,?|:)(?:${operand})*\\})`,
    ].join('|'),
    'y',
  );
const PARAM_BODY_IN_QUOTES = paramBody(PARAM_TEXT);
const PARAM_BODY = paramBody(`${PARAM_TEXT}|"(?:${PARAM_TEXT}|')*"|'[^'\\n]*'`);
// `<<EOF`, `<<-EOF`, `<< 'EOF'`, `<<"EOF"`: a delimiter of plain characters, quoted whole or not at all.
const HEREDOC = /<<(-?)[ \t]*(?:'([\w.-]+)'|"([\w.-]+)"|([\w.-]+))(?=[ \t\n;&|]|$)/y;

/** The end of `${…}` whose body starts at `from` (after the `${`). */
export function paramExpansionEnd(src: string, from: number, inQuotes: boolean): number | undefined {
  const body = inQuotes ? PARAM_BODY_IN_QUOTES : PARAM_BODY;
  body.lastIndex = from;
  return body.test(src) ? body.lastIndex : undefined;
}

/** The closing quote of `$'…'` whose text starts at `from`; backslashes escape the character after them (`\'`). */
export function ansiQuoteEnd(src: string, from: number): number | undefined {
  let i = from;
  while (i < src.length && src[i] !== "'") i += src[i] === '\\' ? 2 : 1;
  return i < src.length ? i : undefined;
}

export interface HeredocOperator {
  readonly stop: string;
  /** A quoted delimiter (`<<'EOF'`): the body is plain text, with no expansions and no commands. */
  readonly quoted: boolean;
  /** `<<-`: leading tabs do not count when looking for the delimiter. */
  readonly stripTabs: boolean;
  /** Where the operator and its delimiter end. */
  readonly end: number;
}

/** The heredoc operator and delimiter at `pos` (its `<<`). */
export function heredocOperator(src: string, pos: number): HeredocOperator | undefined {
  HEREDOC.lastIndex = pos;
  const match = HEREDOC.exec(src);
  if (!match) return undefined;
  const [text, dash, single, double, bare] = match;
  return { stop: single ?? double ?? (bare as string), quoted: bare === undefined, stripTabs: dash === '-', end: pos + text.length };
}

/**
 * The body of a heredoc starting at `start` (a line start): where it ends (the start of the
 * delimiter line) and where the script goes on (after that line).
 */
export function heredocBody(
  src: string,
  start: number,
  { stop, stripTabs }: HeredocOperator,
): { readonly end: number; readonly next: number } | undefined {
  for (let lineStart = start; lineStart < src.length; ) {
    const newline = src.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? src.length : newline;
    const text = src.slice(lineStart, lineEnd);
    if ((stripTabs ? text.replace(/^\t+/, '') : text) === stop) {
      return { end: lineStart, next: newline < 0 ? src.length : newline + 1 };
    }
    lineStart = lineEnd + 1;
  }
  return undefined; // unclosed: the full parser reports it
}

export function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
