import { ParseError } from './parse-error.js';

/** A file's text with line terminators normalised, and its lines for reporting. */
export interface DecodedText {
  /** The lines joined with `\n` (and a final `\n`), so every parser counts lines the same way. */
  readonly text: string;
  /** The file's lines without terminators; line N of the file is `lines[N - 1]`. */
  readonly lines: readonly string[];
  /**
   * The first line ended by a carriage return with no line feed after it, or null. Such a CR ends a line
   * here, in YAML and in GitHub's views, but not for BuildKit, so a Dockerfile parser must refuse it.
   */
  readonly loneCarriageReturnLine: number | null;
}

// CRLF, LF and a lone CR each end a line, as in editors and GitHub's file view.
const LINE_BREAK = /\r\n|\r|\n/;
const LF = 0x0a;
const LONE_CR = /\r(?!\n)/;

/**
 * Turns a file's bytes into text. Refuses, with a ParseError, what cannot be a Dockerfile or a compose
 * file: binary content (a NUL byte), invalid UTF-8, and an empty or whitespace-only file. A UTF-8 byte
 * order mark is dropped.
 */
export function decodeText(path: string, bytes: Uint8Array): DecodedText {
  if (hasUtf16Or32Bom(bytes)) {
    throw new ParseError(path, 1, 'the file is encoded as UTF-16 or UTF-32; Docker and Compose read UTF-8. Re-save it as UTF-8.');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new ParseError(
      path,
      lineAtByte(bytes, nul),
      'this is a binary file (it contains a NUL byte), not a text file. Exclude it from the scan or fix the file name pattern that selected it.',
    );
  }
  const text = decodeUtf8(path, bytes);
  if (text.trim() === '') {
    throw new ParseError(path, 1, 'the file is empty. Add content or exclude the file from the scan.');
  }
  const lines = splitLines(text);
  return { text: lines.join('\n') + '\n', lines, loneCarriageReturnLine: loneCarriageReturnLine(text) };
}

/** Splits text into lines; a terminator at the very end does not start another line. */
export function splitLines(text: string): string[] {
  const lines = text.split(LINE_BREAK);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The 1-based line the first CR not followed by LF ends (counting every break as splitLines does), or null. */
function loneCarriageReturnLine(text: string): number | null {
  const at = LONE_CR.exec(text)?.index;
  return at === undefined ? null : text.slice(0, at).split(LINE_BREAK).length;
}

function hasUtf16Or32Bom(bytes: Uint8Array): boolean {
  const [a, b] = bytes;
  // FF FE (UTF-16 LE, also the start of UTF-32 LE) and FE FF (UTF-16 BE); 00 00 FE FF is UTF-32 BE.
  return (a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff) || (a === 0 && b === 0 && bytes[2] === 0xfe && bytes[3] === 0xff);
}

function decodeUtf8(path: string, bytes: Uint8Array): string {
  try {
    // The default (ignoreBOM: false) drops a leading byte order mark.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ParseError(
      path,
      firstInvalidLine(bytes),
      'the file is not valid UTF-8. Re-save it as UTF-8 (the encoding Docker and Compose read).',
    );
  }
}

/** The line holding the first invalid byte. LF never occurs inside a multi-byte sequence, so lines decode alone. */
function firstInvalidLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let prefix = '';
  while (start <= bytes.length) {
    const lf = bytes.indexOf(LF, start);
    const end = lf < 0 ? bytes.length : lf + 1;
    try {
      prefix += decoder.decode(bytes.subarray(start, end));
    } catch {
      break;
    }
    if (lf < 0) break;
    start = end;
  }
  return prefix.split(LINE_BREAK).length;
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const byte = bytes[i];
    if (byte === LF || (byte === 0x0d && bytes[i + 1] !== LF)) line++;
  }
  return line;
}
