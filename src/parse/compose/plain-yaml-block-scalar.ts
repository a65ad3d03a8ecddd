import { GIVE_UP } from './plain-yaml-scalars.js';

/** A block scalar read: its value, where its last content ends, and where the line after it starts. */
export interface BlockScalar {
  readonly value: string;
  /** Just after the last character of its last line with content. */
  readonly end: number;
  /** The start of the first line after it that is not part of it (the text's length at its end). */
  readonly resumeAt: number;
}

/**
 * A literal (`|`) or folded (`>`) block scalar whose indicator is at `at`, inside a collection whose
 * entries are at column `parentIndent`, read as YAML 1.2 reads it: its indentation is its first content
 * line's, its lines run while they are blank or at least that deep, the last line break is kept (`|`)
 * or dropped (`|-`). Given up on, for the library: keep chomping (`+`), an indentation indicator, an
 * empty scalar, a blank line holding more spaces than the indentation, a folded line indented further
 * (which folds differently), and a comment line just after it (where the library places it is not
 * copied here).
 */
export function readBlockScalar(text: string, at: number, parentIndent: number): BlockScalar {
  const headerEnd = lineEndAt(text, at);
  const folded = text[at] === '>';
  let pos = at + 1;
  const strip = text[pos] === '-';
  if (strip) pos++;
  while (text[pos] === ' ') pos++;
  // Only a comment may follow the header, after a blank.
  if (pos < headerEnd && !(text[pos] === '#' && text[pos - 1] === ' ')) throw GIVE_UP;

  const lines: string[] = []; // content with the indentation removed, '' for a blank line
  let indent = -1;
  let end = -1;
  let trailingBlanks = 0;
  let lineStart = headerEnd + 1;
  for (; lineStart < text.length; ) {
    const lineEnd = lineEndAt(text, lineStart);
    let spaces = 0;
    while (text[lineStart + spaces] === ' ') spaces++;
    if (lineStart + spaces === lineEnd) {
      // A blank line: its spaces may not run past the indentation (YAML reads those as content).
      if (indent === -1 ? spaces > parentIndent : spaces > indent) throw GIVE_UP;
      lines.push('');
      trailingBlanks++;
    } else {
      if (indent === -1) {
        if (spaces <= parentIndent) throw GIVE_UP; // nothing in it
        indent = spaces;
      }
      if (spaces < indent) {
        if (text[lineStart + spaces] === '#') throw GIVE_UP;
        break;
      }
      const content = text.slice(lineStart + indent, lineEnd);
      if (folded && content.startsWith(' ')) throw GIVE_UP;
      lines.push(content);
      trailingBlanks = 0;
      end = lineEnd;
    }
    lineStart = lineEnd + 1;
  }
  if (indent === -1) throw GIVE_UP;
  lines.length -= trailingBlanks;
  const body = folded ? fold(lines) : lines.join('\n');
  return { value: strip ? body : `${body}\n`, end: trimmedEnd(text, end), resumeAt: Math.min(lineStart, text.length) };
}

/** Folded lines: a single line break between two lines becomes a space; each blank line between them a line break. */
function fold(lines: readonly string[]): string {
  let out = '';
  let blanks = 0;
  let started = false;
  for (const line of lines) {
    if (line === '') {
      blanks++;
      continue;
    }
    out += started ? (blanks > 0 ? '\n'.repeat(blanks) : ' ') : '\n'.repeat(blanks);
    out += line;
    blanks = 0;
    started = true;
  }
  return out;
}

function lineEndAt(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline;
}

/** Where a line's content ends once trailing spaces are left out. */
function trimmedEnd(text: string, lineEnd: number): number {
  let at = lineEnd;
  while (at > 0 && text[at - 1] === ' ') at--;
  return at;
}
