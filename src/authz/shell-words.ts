/**
 * Splits a command string into words as compose does for the string forms of `command` and
 * `entrypoint` (POSIX-shell quoting: single quotes literal, double quotes with backslash escapes,
 * a backslash outside quotes escaping the next character). No expansion happens: the words go to
 * the daemon as written.
 */
export function splitShellWords(text: string): string[] | undefined {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1] as string)) word += text[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  // An unterminated quote: compose refuses the file, and so does the caller.
  if (quote !== null) return undefined;
  if (inWord) words.push(word);
  return words;
}
