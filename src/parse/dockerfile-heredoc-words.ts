/**
 * The heredocs BuildKit finds in an instruction's line (parser.go heredocsFromLine and ParseHeredoc):
 * the line split into words by its shell lexer (shell/lex.go), quotes and escapes kept; each word
 * `<<NAME`, `<<-NAME` or `5<<NAME` (`^(\d*)<<(-?)\s*([^<]*)$`) names one, NAME being the rest with its
 * quotes and escapes removed when that is one word: `<<"END OF FILE"` is named `END OF FILE`.
 */
export function heredocsInLine(line: string): { name: string; stripTabs: boolean }[] {
  // A line the lexer fails on (an unclosed quote or `${`) has none: BuildKit ignores the error there.
  const words = lexWords(line, true) ?? [];
  const heredocs: { name: string; stripTabs: boolean }[] = [];
  for (const word of words) {
    const match = HEREDOC.exec(word);
    const rest = match?.[3] ?? '';
    if (rest === '') continue;
    const name = lexWords(rest, false);
    if (name?.length === 1) heredocs.push({ name: name[0] as string, stripTabs: match?.[2] === '-' });
  }
  return heredocs;
}

// Go's \s is [\t\n\f\r ] and \d is [0-9].
const HEREDOC = /^([0-9]*)<<(-?)[\t\n\f\r ]*([^<]*)$/;
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;
const SPECIAL_PARAMETERS = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);

class LexError extends Error {}

/**
 * BuildKit's ProcessWords with no variables set and unset ones kept as written (SkipUnsetEnv), quotes
 * and escapes kept (`raw`, RawQuotes and RawEscapes) or removed; the escape character is `\` whatever
 * the Dockerfile's. Null where it returns an error.
 */
function lexWords(text: string, raw: boolean): string[] | null {
  const chars = Array.from(text);
  let at = 0;
  // The word being built, shared by the nested readings of `${...}` as in BuildKit, where each starts
  // by emptying it: `<<${X:-y}` is the word `${X:-y}` there.
  let word = '';

  function processName(): string {
    let name = '';
    while (at < chars.length) {
      const ch = chars[at] as string;
      if (name === '' && /^\p{Nd}$/u.test(ch)) {
        while (at < chars.length && /^\p{Nd}$/u.test(chars[at] as string)) name += chars[at++];
        return name;
      }
      if (name === '' && SPECIAL_PARAMETERS.has(ch)) return chars[at++] as string;
      if (!/^[\p{L}\p{Nd}_]$/u.test(ch)) break;
      name += chars[at++];
    }
    return name;
  }

  function processDollar(): string {
    at++;
    if (chars[at] !== '{') {
      const name = processName();
      return `$${name}`;
    }
    at++;
    const first = chars[at];
    if (first === undefined || first === '{' || first === '}' || first === ':') throw new LexError();
    const name = processName();
    let modifier = chars[at++];
    let written = modifier ?? '';
    switch (modifier) {
      case '}':
        return `\${${name}}`;
      case ':':
        modifier = chars[at++];
        written += modifier ?? '';
        if (modifier === '#' || modifier === '%') throw new LexError();
        return `\${${name}${written}${processStopOn('}', false).result}}`;
      case '+':
      case '-':
      case '?':
      case '#':
      case '%':
        return `\${${name}${written}${processStopOn('}', modifier === '#' || modifier === '%').result}}`;
      case '/': {
        if (chars[at] === '/') at++;
        const pattern = processStopOn('/', true).result;
        return `\${${name}/${pattern}/${processStopOn('}', true).result}}`;
      }
      default:
        throw new LexError();
    }
  }

  function processPossibleHeredoc(): string {
    at++;
    if (chars[at] !== '<') return '<';
    at++;
    let spaces = '';
    while (chars[at] === '\t' || chars[at] === '\r' || chars[at] === ' ') spaces += chars[at++];
    return `<<${spaces}`;
  }

  function processSingleQuote(): string {
    let result = raw ? "'" : '';
    for (at++; ; ) {
      const ch = chars[at++];
      if (ch === undefined) throw new LexError();
      if (ch === "'") return raw ? `${result}'` : result;
      result += ch;
    }
  }

  function processDoubleQuote(rawEscapes: boolean): string {
    let result = raw ? '"' : '';
    for (at++; ; ) {
      const next = chars[at];
      if (next === undefined) throw new LexError();
      if (next === '"') {
        at++;
        return raw ? `${result}"` : result;
      }
      if (next === '$') {
        result += processDollar();
        continue;
      }
      let ch = chars[at++] as string;
      if (ch === '\\') {
        if (rawEscapes) result += ch;
        const after = chars[at];
        if (after === undefined) continue;
        if (after === '"' || after === '$' || after === '\\') ch = chars[at++] as string;
      }
      result += ch;
    }
  }

  function processStopOn(stop: string | null, rawEscapes: boolean): { result: string; words: string[] } {
    let result = '';
    const words: string[] = [];
    word = '';
    let inWord = false;
    const addChar = (ch: string) => {
      if (!GO_SPACE.test(ch)) {
        word += ch;
        inWord = true;
      } else if (inWord && word !== '') {
        words.push(word);
        word = '';
        inWord = false;
      }
    };
    const addRaw = (text: string) => {
      word += text;
      inWord = true;
    };
    while (at < chars.length) {
      const ch = chars[at] as string;
      if (stop !== null && ch === stop) {
        at++;
        if (word !== '') words.push(word);
        word = '';
        return { result, words };
      }
      if (ch === '$' || ch === '<' || ch === "'" || ch === '"') {
        const piece = ch === '$' ? processDollar() : ch === '<' ? processPossibleHeredoc() : ch === "'" ? processSingleQuote() : processDoubleQuote(rawEscapes);
        result += piece;
        if (ch === '$') for (const c of piece) addChar(c);
        else addRaw(piece);
        continue;
      }
      at++;
      if (ch === '\\') {
        if (rawEscapes) {
          addRaw(ch);
          result += ch;
        }
        const next = chars[at++];
        if (next === undefined) break;
        addRaw(next);
        result += next;
        continue;
      }
      addChar(ch);
      result += ch;
    }
    if (stop !== null) throw new LexError();
    if (word !== '') words.push(word);
    word = '';
    return { result, words };
  }

  try {
    return processStopOn(null, raw).words;
  } catch (error) {
    if (error instanceof LexError) return null;
    throw error;
  }
}
