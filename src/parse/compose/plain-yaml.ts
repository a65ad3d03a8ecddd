import type { SourceRange, Tree } from './tree.js';
import { GIVE_UP, isPlainStart, plainValue, readFlowSequence, readQuoted, trimSpaces } from './plain-yaml-scalars.js';

/**
 * Files larger than this go to the yaml library. Below it a file cannot hold more content tokens than
 * the library's reader allows (MAX_YAML_CONTENT_TOKENS, 200,000: a token takes a character at least),
 * so this reader never accepts a file that one refuses as too large.
 */
const MAX_PLAIN_BYTES = 128 * 1024;

/** Deeper than this, the yaml library reads the file (and refuses it past its own limit, MAX_YAML_DEPTH). */
const MAX_PLAIN_DEPTH = 32;

/**
 * Reads the YAML most compose files are written in into the located tree that readComposeTree builds
 * through the yaml library, several times faster: block mappings and sequences (a sequence may sit at
 * its key's indentation), one-line plain and quoted scalars, one-line flow sequences of them, comments
 * and blank lines. It answers only for text it reads whole and the library would read without error,
 * and gives up (undefined) at the first thing outside that: anchors, aliases and merge keys, tags,
 * block and multi-line scalars, flow mappings, escapes in double quotes, tabs, carriage returns,
 * directives and document markers but a first `---`, a repeated key, comments where a collection
 * ends, and any indentation it does not expect. The library then reads the file, and reports its errors.
 *
 * Values are what the library's YAML 1.2 core schema makes of them (null, booleans, numbers, strings:
 * plain-yaml-scalars.ts), keys the text of those values. Every
 * value is located as the library path locates it: a map entry from its key to the end of its value, a
 * sequence item over the item, the whole document over its content, comments never included.
 */
export function readPlainYaml(path: string, text: string): Tree | undefined {
  // Tabs, carriage returns and other control characters, and a byte-order mark, are left to the library.
  if (text.length > MAX_PLAIN_BYTES || LEFT_TO_THE_LIBRARY.test(text)) return undefined;
  try {
    return new PlainReader(path, text).document();
  } catch (thrown) {
    if (thrown === GIVE_UP) return undefined;
    throw thrown;
  }
}

// Every control character but the newline, DEL, and U+FEFF.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const LEFT_TO_THE_LIBRARY = /[\x00-\x09\x0b-\x1f\x7f\uFEFF]/;

/** A line holding content: where it starts, its indentation, and where it ends (before the newline). */
interface Line {
  readonly start: number;
  readonly indent: number;
  readonly end: number;
  /** Whether comment lines come between the previous line with content and this one. */
  readonly afterComment: boolean;
}

/** A value read, before its location is known: that depends on where it sits (entry, item, document). */
interface Read {
  readonly start: number;
  readonly end: number;
  readonly at: (loc: SourceRange) => Tree;
}


class PlainReader {
  private readonly lines: Line[] = [];
  private readonly lineStarts: number[] = [];
  private next = 0; // the line being read
  private commentAtEnd = false; // comment lines after the last line with content
  private started = false; // a `---` line came first

  constructor(
    private readonly path: string,
    private readonly text: string,
  ) {
    for (let start = 0; start <= text.length; ) {
      const newline = text.indexOf('\n', start);
      const end = newline === -1 ? text.length : newline;
      this.lineStarts.push(start);
      let indent = 0;
      while (text[start + indent] === ' ') indent++;
      const first = text[start + indent];
      // `---` and `...` at a line's start, alone or before a blank, are document markers: only a `---`
      // line before any content is read (it starts the one document), and the document is the same.
      if (indent === 0 && (text.startsWith('---', start) || text.startsWith('...', start)) && (start + 3 === end || text[start + 3] === ' ')) {
        if (this.lines.length > 0 || end !== start + 3 || first !== '-' || this.started) throw GIVE_UP;
        this.started = true;
      } else if (start + indent < end && first !== '#') {
        this.lines.push({ start, indent, end, afterComment: this.commentAtEnd });
        this.commentAtEnd = false;
      } else if (first === '#') {
        this.commentAtEnd = true;
      }
      if (newline === -1) break;
      start = newline + 1;
    }
  }

  document(): Tree | undefined {
    const first = this.lines[0];
    if (first === undefined || first.indent !== 0) throw GIVE_UP;
    // A directive, or a sequence (`- `) at the top, ends the first key read below.
    const map = this.mapping(0, first.start, 0);
    if (this.next !== this.lines.length) throw GIVE_UP;
    return map.at(this.span(map.start, map.end));
  }

  /** A block mapping whose first key starts at `keyStart` on the current line, its keys at column `column`. */
  private mapping(column: number, keyStart: number, depth: number): Read {
    if (depth > MAX_PLAIN_DEPTH) throw GIVE_UP;
    const entries = new Map<string, Tree>();
    let end: number;
    for (let at = keyStart; ; ) {
      const line = this.lines[this.next] as Line;
      const { key, valueFrom } = this.key(at, line.end);
      if (entries.has(key) || key === '<<') throw GIVE_UP;
      const value = this.valueAfter(valueFrom, line, column, depth);
      end = value.end;
      entries.set(key, value.at(this.span(at, value.end)));
      const following = this.lines[this.next];
      if (following === undefined || following.indent < column) {
        this.closing();
        break;
      }
      if (following.indent > column || this.isSequenceEntry(following.start + following.indent)) throw GIVE_UP;
      at = following.start + following.indent;
    }
    return { start: keyStart, end, at: (loc) => ({ kind: 'map', entries, loc }) };
  }

  /**
   * A block sequence whose entries (`-`) are at `column`, the first on the current line. One at its
   * key's indentation (`atKeyColumn`) ends at the next line there that is not an entry.
   */
  private sequence(column: number, depth: number, atKeyColumn = false): Read {
    if (depth > MAX_PLAIN_DEPTH) throw GIVE_UP;
    const items: Tree[] = [];
    const first = this.lines[this.next] as Line;
    const start = first.start + column;
    let end: number;
    for (;;) {
      const line = this.lines[this.next] as Line;
      let content = line.start + column + 1;
      while (this.text[content] === ' ') content++;
      if (content >= line.end || this.text[content] === '#') throw GIVE_UP; // an item on the lines below, or none
      let item: Read;
      if (this.isSequenceEntry(content)) throw GIVE_UP;
      if (this.startsKey(content, line.end)) {
        item = this.mapping(content - line.start, content, depth + 1);
      } else {
        item = this.inline(content, line.end);
        this.next++;
      }
      end = item.end;
      items.push(item.at(this.span(item.start, item.end)));
      const following = this.lines[this.next];
      const entry = following !== undefined && following.indent === column && this.isSequenceEntry(following.start + following.indent);
      if (following === undefined || following.indent < column || (atKeyColumn && following.indent === column && !entry)) {
        this.closing();
        break;
      }
      if (!entry) throw GIVE_UP;
    }
    return { start, end, at: (loc) => ({ kind: 'seq', items, loc }) };
  }

  /** The value of an entry whose key ends (with its `:`) at `from` on `line`: on that line, or on the lines below. */
  private valueAfter(from: number, line: Line, column: number, depth: number): Read {
    let at = from;
    while (this.text[at] === ' ') at++;
    if (at < line.end && this.text[at] !== '#') {
      const value = this.inline(at, line.end);
      this.next++;
      return value;
    }
    this.next++;
    const below = this.lines[this.next];
    if (below !== undefined && below.indent > column) {
      const content = below.start + below.indent;
      return this.isSequenceEntry(content) ? this.sequence(below.indent, depth + 1) : this.mapping(below.indent, content, depth + 1);
    }
    if (below !== undefined && below.indent === column && this.isSequenceEntry(below.start + below.indent)) {
      return this.sequence(column, depth + 1, true);
    }
    // Nothing: null, placed (as the library places an empty value) after the `:` and the blanks after it.
    return { start: at, end: at, at: (loc) => ({ kind: 'scalar', value: null, loc }) };
  }

  /** A key at `at` and its `:`; `valueFrom` is just after the `:`. */
  private key(at: number, lineEnd: number): { key: string; valueFrom: number } {
    const text = this.text;
    const quote = text[at];
    if (quote === '"' || quote === "'") {
      const { value, end } = readQuoted(text, at, lineEnd);
      if (text[end] !== ':' || (end + 1 < lineEnd && text[end + 1] !== ' ')) throw GIVE_UP;
      return { key: value, valueFrom: end + 1 };
    }
    const colon = this.keyColon(at, lineEnd);
    if (colon === -1) throw GIVE_UP;
    const raw = trimSpaces(text.slice(at, colon));
    // YAML allows an implicit key up to 1,024 characters.
    if (!isPlainStart(raw, 0) || raw.includes(' #') || colon - at > 1000) throw GIVE_UP;
    const value = plainValue(raw);
    return { key: value === null ? '' : String(value), valueFrom: colon + 1 };
  }

  /** Where the `:` of a plain key at `at` is: followed by a blank or the line's end. -1 when there is none. */
  private keyColon(at: number, lineEnd: number): number {
    for (let colon = this.text.indexOf(':', at); colon !== -1 && colon < lineEnd; colon = this.text.indexOf(':', colon + 1)) {
      if (colon + 1 === lineEnd || this.text[colon + 1] === ' ') return colon;
    }
    return -1;
  }

  /** Whether the line's content at `at` is a key (plain or quoted, then `:`). */
  private startsKey(at: number, lineEnd: number): boolean {
    const quote = this.text[at];
    if (quote === '"' || quote === "'") {
      const close = this.text.indexOf(quote, at + 1);
      return close !== -1 && close < lineEnd && this.text[close + 1] === ':';
    }
    if (!isPlainStart(this.text, at)) return false;
    const colon = this.keyColon(at, lineEnd);
    if (colon === -1) return false;
    const comment = this.text.indexOf(' #', at);
    return comment === -1 || comment > colon;
  }

  /**
   * A collection ends before the next line. Comment lines just before that line may belong to the
   * collection, and so widen its location, or to one around it, by rules of the library's parser
   * (their indentation against each open collection's, and against each other's) that are not copied
   * here: such a file is left to the library.
   */
  private closing(): void {
    const following = this.lines[this.next];
    if (following === undefined ? this.commentAtEnd : following.afterComment) throw GIVE_UP;
  }

  private isSequenceEntry(at: number): boolean {
    const after = this.text[at + 1];
    return this.text[at] === '-' && (after === ' ' || after === '\n' || after === undefined);
  }

  /** A value that is all on its line from `at`: a scalar or a flow sequence, perhaps a comment after it. */
  private inline(at: number, lineEnd: number): Read {
    const text = this.text;
    let read: Read;
    let after: number;
    if (text[at] === '[') {
      const flow = readFlowSequence(text, at, lineEnd);
      const items: Tree[] = flow.items.map((item) => ({ kind: 'scalar', value: item.value, loc: this.span(item.start, item.end) }));
      read = { start: at, end: flow.end, at: (loc) => ({ kind: 'seq', items, loc }) };
      after = flow.end;
    } else if (text[at] === '"' || text[at] === "'") {
      const { value, end } = readQuoted(text, at, lineEnd);
      read = { start: at, end, at: (loc) => ({ kind: 'scalar', value, loc }) };
      after = end;
    } else {
      if (!isPlainStart(text, at)) throw GIVE_UP;
      const comment = text.indexOf(' #', at);
      const stop = comment !== -1 && comment < lineEnd ? comment : lineEnd;
      const raw = trimSpaces(text.slice(at, stop));
      // `a: b: c` nests a mapping in a one-line one, which YAML refuses.
      if (raw.includes(': ') || raw.endsWith(':')) throw GIVE_UP;
      const value = plainValue(raw);
      read = { start: at, end: at + raw.length, at: (loc) => ({ kind: 'scalar', value, loc }) };
      after = at + raw.length;
    }
    this.restIsComment(after, lineEnd);
    return read;
  }

  /** Nothing but blanks and a comment may follow a value on its line. */
  private restIsComment(from: number, lineEnd: number): void {
    let at = from;
    while (this.text[at] === ' ') at++;
    if (at < lineEnd && !(this.text[at] === '#' && at > from)) throw GIVE_UP;
  }

  /** The lines of text[start, end), trailing whitespace left out, as the library path reports them. */
  private span(start: number, end: number): SourceRange {
    let last = end;
    while (last > start && /\s/.test(this.text[last - 1] ?? '')) last--;
    return { path: this.path, startLine: this.lineOf(start), endLine: this.lineOf(Math.max(start, last - 1)) };
  }

  private lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.lineStarts[mid] as number) <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
