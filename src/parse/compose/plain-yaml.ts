import { spanLines, type SourceRange, type Tree } from './tree.js';
import { readBlockScalar } from './plain-yaml-block-scalar.js';
import { countBelow } from '../count-below.js';
import { DEFAULT_MAX_FILE_BYTES } from '../../file-size.js';
import { indexLines, TokenBudget, type Comment, type Line } from './plain-yaml-lines.js';
import { GIVE_UP, indexInLine, isPlainStart, plainValue, readFlowSequence, readQuoted, trimSpaces } from './plain-yaml-scalars.js';
import { isSequenceEntry, readKey, restIsComment, startsKey } from './plain-yaml-keys.js';

/**
 * Files larger than this go to the yaml library: the default size limit of a scanned file. What the
 * reader holds of a file is bounded by its token budget (plain-yaml-lines.ts) but for blank lines,
 * which this keeps bounded whatever size limit a scan is given.
 */
const MAX_PLAIN_BYTES = DEFAULT_MAX_FILE_BYTES;

/** Deeper than this, the yaml library reads the file (and refuses it past its own limit, MAX_YAML_DEPTH). */
const MAX_PLAIN_DEPTH = 32;

/**
 * Reads the YAML most compose files are written in into the located tree that readComposeTree builds
 * through the yaml library, several times faster: block mappings and sequences (a sequence may sit at
 * its key's indentation), one-line plain and quoted scalars (escapes included), one-line flow
 * sequences of them, the empty flow mapping `{}`, literal and folded block scalars
 * (plain-yaml-block-scalar.ts), comments and blank lines. It answers only for text it reads whole and
 * the library would read without error, and gives up (undefined) at the first thing outside that:
 * anchors, aliases and merge keys, tags, multi-line flow scalars, other flow mappings, the block
 * scalars that reader leaves, tabs, carriage returns,
 * directives and document markers but a first `---`, a repeated key, comments after an empty value
 * that ends a collection, and any indentation it does not expect. The library then reads the file, and
 * reports its errors.
 *
 * Values are what the library's YAML 1.2 core schema makes of them (null, booleans, numbers, strings:
 * plain-yaml-scalars.ts), keys the text of those values. Every value is located as the library path
 * locates it: a map entry from its key to the end of its value, a sequence item over the item, the
 * whole document over its content; comment lines where collections end widen them as the library's
 * parser assigns those lines (see `close`).
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

const isBlockIndicator = (char: string | undefined): boolean => char === '|' || char === '>';

// Every control character but the newline, DEL, and U+FEFF.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const LEFT_TO_THE_LIBRARY = /[\x00-\x09\x0b-\x1f\x7f\uFEFF]/;

/** A value read, before its location is known: that depends on where it sits (entry, item, document). */
interface Read {
  readonly start: number;
  /** Where its content ends (the library's `range[1]`). */
  readonly end: number;
  /** Where it ends with the comments that belong to it (`range[2]`), when that is further. */
  readonly outer?: number;
  /** An empty value (null). */
  readonly empty?: boolean;
  readonly at: (loc: SourceRange) => Tree;
}

class PlainReader {
  private readonly budget = new TokenBudget();
  private readonly lines: readonly Line[];
  private readonly lineStarts: readonly number[];
  private readonly commentsAtEnd: readonly Comment[]; // comment lines after the last line with content
  private next = 0; // the line being read
  private closingAt = -1; // the line before which the collections now closing end
  private pending: readonly Comment[] = []; // comments there that no collection has kept yet
  private contentUntil = -1; // where the last block scalar ended: `#` lines before it were its content

  constructor(
    private readonly path: string,
    private readonly text: string,
  ) {
    ({ lines: this.lines, lineStarts: this.lineStarts, commentsAtEnd: this.commentsAtEnd } = indexLines(text, this.budget));
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
    for (let at = keyStart; ; ) {
      const line = this.lines[this.next] as Line;
      const { key, valueFrom } = readKey(this.text, at, line.end);
      if (entries.has(key) || key === '<<') throw GIVE_UP;
      const value = this.valueAfter(valueFrom, line, column, depth);
      entries.set(key, value.at(this.span(at, value.end)));
      const following = this.lines[this.next];
      if (following === undefined || following.indent < column) {
        return { start: keyStart, ...this.close(column, value), at: (loc) => ({ kind: 'map', entries, loc }) };
      }
      if (following.indent > column || isSequenceEntry(this.text, following.start + following.indent)) throw GIVE_UP;
      at = following.start + following.indent;
    }
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
    for (;;) {
      const line = this.lines[this.next] as Line;
      let content = line.start + column + 1;
      while (this.text[content] === ' ') content++;
      if (content >= line.end || this.text[content] === '#') throw GIVE_UP; // an item on the lines below, or none
      let item: Read;
      if (isSequenceEntry(this.text, content)) throw GIVE_UP;
      if (startsKey(this.text, content, line.end)) {
        item = this.mapping(content - line.start, content, depth + 1);
      } else if (isBlockIndicator(this.text[content])) {
        item = this.block(content, column);
      } else {
        item = this.inline(content, line.end);
        this.next++;
      }
      items.push(item.at(this.span(item.start, item.end)));
      const following = this.lines[this.next];
      const entry = following !== undefined && following.indent === column && isSequenceEntry(this.text, following.start + following.indent);
      if (following === undefined || following.indent < column || (atKeyColumn && following.indent === column && !entry)) {
        return { start, ...this.close(column, item), at: (loc) => ({ kind: 'seq', items, loc }) };
      }
      if (!entry) throw GIVE_UP;
    }
  }

  /** The value of an entry whose key ends (with its `:`) at `from` on `line`: on that line, or on the lines below. */
  private valueAfter(from: number, line: Line, column: number, depth: number): Read {
    let at = from;
    while (this.text[at] === ' ') at++;
    if (at < line.end && this.text[at] !== '#') {
      if (isBlockIndicator(this.text[at])) return this.block(at, column);
      const value = this.inline(at, line.end);
      this.next++;
      return value;
    }
    this.next++;
    const below = this.lines[this.next];
    if (below !== undefined && below.indent > column) {
      const content = below.start + below.indent;
      return isSequenceEntry(this.text, content) ? this.sequence(below.indent, depth + 1) : this.mapping(below.indent, content, depth + 1);
    }
    if (below !== undefined && below.indent === column && isSequenceEntry(this.text, below.start + below.indent)) {
      return this.sequence(column, depth + 1, true);
    }
    // Nothing: null, placed (as the library places an empty value) after the `:` and the blanks after it.
    return { start: at, end: at, empty: true, at: (loc) => ({ kind: 'scalar', value: null, loc }) };
  }

  /**
   * Where a collection (its entries or items at `column`, `last` the last of them) ends, as it closes
   * before the next line: where the library's parser puts the comment lines just before that line.
   * They go to the innermost collection closing there. Those first ones deeper than it belong to its
   * last value, and take the end of its content (`end`) to theirs. The rest stay with it, taking only
   * its outer end (what the collection around it ends with) to the last of them, if one of them is as
   * deep as it and it is not at the left margin; else they go to the collection around it, which, if
   * it closes there too, is asked the same. An empty last value takes such comments in a way not
   * copied here: the library reads that file.
   */
  private close(column: number, last: Read): { end: number; outer: number } {
    let end = last.outer ?? last.end;
    if (this.closingAt !== this.next) {
      this.closingAt = this.next;
      const all = this.lines[this.next]?.commentsBefore ?? this.commentsAtEnd;
      const comments = this.contentUntil === -1 ? all : all.filter((comment) => comment.end >= this.contentUntil);
      if (comments.length > 0 && last.empty) throw GIVE_UP;
      let deeper = 0;
      while (deeper < comments.length && (comments[deeper] as Comment).indent > column) end = (comments[deeper++] as Comment).end;
      this.pending = comments.slice(deeper);
    }
    const kept = this.pending.length > 0 && column > 0 && this.pending.some((comment) => comment.indent >= column);
    if (!kept) return { end, outer: end };
    const outer = (this.pending[this.pending.length - 1] as Comment).end;
    this.pending = [];
    return { end, outer };
  }

  /** A block scalar whose indicator is at `at`, in a collection at `column`: the lines it holds are its text, not lines or comments of the document. */
  private block(at: number, column: number): Read {
    const scalar = readBlockScalar(this.text, at, column);
    while (this.next < this.lines.length && (this.lines[this.next] as Line).start < scalar.resumeAt) this.next++;
    this.contentUntil = scalar.resumeAt;
    return { start: at, end: scalar.end, at: (loc) => ({ kind: 'scalar', value: scalar.value, loc }) };
  }

  /** A value that is all on its line from `at`: a scalar, a flow sequence or an empty flow mapping, perhaps a comment after it. */
  private inline(at: number, lineEnd: number): Read {
    const text = this.text;
    let read: Read;
    let after: number;
    if (text[at] === '[') {
      // No more items read than the budget leaves room for, and they are spent from it.
      const flow = readFlowSequence(text, at, lineEnd, this.budget.flowItemsLeft());
      this.budget.spendFlow(flow.items.length);
      const items: Tree[] = flow.items.map((item) => ({ kind: 'scalar', value: item.value, loc: this.span(item.start, item.end) }));
      read = { start: at, end: flow.end, at: (loc) => ({ kind: 'seq', items, loc }) };
      after = flow.end;
    } else if (text[at] === '{') {
      // Only the empty flow mapping (`{}`, `{ }`): the one most compose files that have a flow mapping have.
      let close = at + 1;
      while (text[close] === ' ') close++;
      if (text[close] !== '}') throw GIVE_UP;
      this.budget.spendFlow(0);
      read = { start: at, end: close + 1, at: (loc) => ({ kind: 'map', entries: new Map(), loc }) };
      after = close + 1;
    } else if (text[at] === '"' || text[at] === "'") {
      const { value, end } = readQuoted(text, at, lineEnd);
      read = { start: at, end, at: (loc) => ({ kind: 'scalar', value, loc }) };
      after = end;
    } else {
      if (!isPlainStart(text, at)) throw GIVE_UP;
      const comment = indexInLine(text, ' #', at, lineEnd);
      const stop = comment === -1 ? lineEnd : comment;
      const raw = trimSpaces(text.slice(at, stop));
      // `a: b: c` nests a mapping in a one-line one, which YAML refuses.
      if (raw.includes(': ') || raw.endsWith(':')) throw GIVE_UP;
      const value = plainValue(raw);
      read = { start: at, end: at + raw.length, at: (loc) => ({ kind: 'scalar', value, loc }) };
      after = at + raw.length;
    }
    restIsComment(this.text, after, lineEnd);
    return read;
  }

  /** The lines of text[start, end), trailing whitespace left out, as the library path reports them. */
  private span(start: number, end: number): SourceRange {
    return spanLines(this.path, this.text, start, end, (offset) => this.lineOf(offset));
  }

  /** The 1-based line of an offset: how many lines start at or before it. */
  private lineOf(offset: number): number {
    return countBelow(this.lineStarts, offset + 1);
  }
}
