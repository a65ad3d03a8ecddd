/** An instruction's argument: its text with escapes applied, and where it starts and ends in the text read. */
export interface ArgumentSpan {
  readonly value: string;
  /** Offsets into the text read; `start` is -1 in the one odd case noted below, as dockerfile-ast has it. */
  readonly start: number;
  readonly end: number;
}

/**
 * Splits the text after an instruction's keyword into arguments exactly as dockerfile-ast 0.7's
 * `Instruction.getRawArguments` does, quirks included, so that every answer the library builds on it
 * stays the same: blanks separate arguments; the escape character before a newline (blanks allowed
 * between) continues the line, and the continued line's leading blanks are dropped, a `#` first on it
 * starting a comment to its end; an argument broken by a continuation ends at the escape character
 * when the continued line starts with a blank, and runs on into the next line when it does not;
 * before a blank and other text the escape character ends the argument there; `\$` keeps both
 * characters, any other escaped character stands for itself; an escape character last in the text
 * ends the scan. (Escaped characters inside a comment line still count, as they do in the library.)
 *
 * The library builds each argument a character at a time; this appends runs of the text, which is
 * what made it a tenth of a Dockerfile's parse and an eighth of the memory a scan allocated.
 */
export function splitArguments(text: string, escape: string): ArgumentSpan[] {
  const special = specialCharacters(escape);
  const spans: ArgumentSpan[] = [];
  let start = -1; // where the argument being read began; -1 between arguments
  let cut = -1; // where a line continuation or an escaped blank interrupted it
  let value = ''; // its text, but for the run below
  let runFrom = -1; // text[runFrom, runTo) belongs to the argument too, not yet copied into value
  let runTo = -1;
  let continued = false; // in the blanks and newlines that follow a line continuation
  let blankOnContinuedLine = false; // a blank seen on the continued line before its content
  let lineStart = false; // at the start of a continued line, where `#` opens a comment
  let comment = false;

  const append = (from: number, to: number): void => {
    if (runFrom !== -1 && runTo === from) {
      runTo = to;
      return;
    }
    if (runFrom !== -1) value += text.slice(runFrom, runTo);
    runFrom = from;
    runTo = to;
  };
  const finish = (end: number): void => {
    if (runFrom !== -1) value += text.slice(runFrom, runTo);
    spans.push({ value, start, end });
    value = '';
    runFrom = -1;
    start = -1;
  };
  // Text after a continued line's leading blanks starts a new argument; without those blanks it runs on.
  const contentAfterContinuation = (): void => {
    if (blankOnContinuedLine && cut !== -1) finish(cut); // start may be -1 here (an escaped blank first on the line)
    blankOnContinuedLine = false;
    continued = false;
    cut = -1;
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') {
      const newline = char === '\r' || char === '\n';
      if (continued) {
        blankOnContinuedLine = !newline;
        if (newline && comment) {
          comment = false;
          lineStart = true;
        }
      } else if (start !== -1) {
        finish(cut === -1 ? i : cut);
        cut = -1;
      }
      continue;
    }
    if (char === escape) {
      const next = text[i + 1] ?? '';
      if (next === ' ' || next === '\t') {
        let j = i + 2;
        while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
        if (j === text.length) continue; // blanks to the end: read as blanks
        if (text[j] === '\r' || text[j] === '\n') {
          // A continuation with blanks before its newline. After a `\r` the next character is skipped whatever it is.
          comment = false;
          continued = true;
          lineStart = true;
          if (start !== -1) cut = i;
          i = text[j] === '\r' ? j + 1 : j;
        } else {
          cut = i; // an escaped blank before more text: the argument, if any, ends here
          if (start === -1) i = j - 1;
        }
        continue;
      }
      if (next === '\r' || next === '\n') {
        comment = false;
        continued = true;
        lineStart = true;
        if (start !== -1 && cut === -1) cut = i;
        i += next === '\r' ? 2 : 1;
        continue;
      }
      contentAfterContinuation();
      if (next === '') break;
      if (next === '$') append(i, i + 2);
      else append(i + 1, i + 2);
      if (start === -1) start = i;
      i++;
      continue;
    }
    // Ordinary text: the rest of its run, up to the next blank or escape character, is read at once.
    special.lastIndex = i + 1;
    const runEnd = special.test(text) ? special.lastIndex - 1 : text.length;
    if (comment) {
      i = runEnd - 1;
      continue;
    }
    if (lineStart && char === '#') {
      comment = true;
      i = runEnd - 1;
    } else {
      contentAfterContinuation();
      append(i, runEnd);
      if (start === -1) start = i;
      i = runEnd - 1;
    }
    lineStart = false;
  }
  if (start !== -1) finish(cut === -1 ? text.length : cut);
  return spans;
}

const SPECIAL = new Map<string, RegExp>();

/** Finds the next character that is not ordinary text: a blank, a newline, the escape character. */
function specialCharacters(escape: string): RegExp {
  let found = SPECIAL.get(escape);
  if (found === undefined) {
    found = new RegExp(`[ \\t\\r\\n${escape.replace(/[\\\]^-]/g, '\\$&')}]`, 'g');
    SPECIAL.set(escape, found);
  }
  return found;
}
