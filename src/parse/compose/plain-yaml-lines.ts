import { MAX_YAML_CONTENT_TOKENS } from '../yaml-content-tokens.js';
import { GIVE_UP } from './plain-yaml-scalars.js';

/** A line holding content: where it starts, its indentation, and where it ends (before the newline). */
export interface Line {
  readonly start: number;
  readonly indent: number;
  readonly end: number;
  /** The comment lines between the previous line with content and this one. */
  readonly commentsBefore: readonly Comment[];
}

/** A comment line: the column of its `#`, and where its text ends. */
export interface Comment {
  readonly indent: number;
  readonly end: number;
}

/** The lines of a text as the plain reader reads them. */
export interface LineIndex {
  /** The lines holding content, in order. */
  readonly lines: readonly Line[];
  /** Where every line starts, blank and comment lines included. */
  readonly lineStarts: readonly number[];
  /** The comment lines after the last line with content. */
  readonly commentsAtEnd: readonly Comment[];
}

/**
 * The most content tokens (what the library's bound counts: scalars, `-`, `:`, brackets, commas) a
 * line the plain reader takes can hold, a flow sequence's items and commas aside (counted where it is
 * read): `- key: value`. Counting so, the reader never accepts a file whose tokens the library would
 * refuse as too many (MAX_YAML_CONTENT_TOKENS); one it gives up on for it, the library still reads if
 * its real count is lower.
 */
const TOKENS_PER_LINE = 4;

/** The content tokens a text may still hold before the library would refuse it; past the bound, the plain reader gives up. */
export class TokenBudget {
  private left = MAX_YAML_CONTENT_TOKENS - 1; // a `---`, counted whether the text has one or not

  /** Takes `tokens` from the budget; past it, the library reads the file (and refuses it if its real count is past it too). */
  spend(tokens: number): void {
    this.left -= tokens;
    if (this.left < 0) throw GIVE_UP;
  }

  /** Takes a flow collection of `items` from the budget: its brackets, and an item and a comma for each. */
  spendFlow(items: number): void {
    this.spend(2 * items + 2);
  }

  /** The items a flow collection may still hold, as spendFlow counts them. */
  flowItemsLeft(): number {
    return Math.max(0, Math.floor((this.left - 2) / 2));
  }
}

/**
 * The lines of `text`, its content lines counted against `budget`. `---` and `...` at a line's start,
 * alone or before a blank, are document markers: only a `---` line before any content is read (it
 * starts the one document, which is the same with or without it); any other gives up.
 */
export function indexLines(text: string, budget: TokenBudget): LineIndex {
  const lines: Line[] = [];
  const lineStarts: number[] = [];
  let commentsAtEnd: Comment[] = [];
  let started = false;
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lineStarts.push(start);
    let indent = 0;
    while (text[start + indent] === ' ') indent++;
    const first = text[start + indent];
    if (indent === 0 && (text.startsWith('---', start) || text.startsWith('...', start)) && (start + 3 === end || text[start + 3] === ' ')) {
      if (lines.length > 0 || end !== start + 3 || first !== '-' || started) throw GIVE_UP;
      started = true;
    } else if (start + indent < end && first !== '#') {
      budget.spend(TOKENS_PER_LINE);
      lines.push({ start, indent, end, commentsBefore: commentsAtEnd });
      commentsAtEnd = [];
    } else if (first === '#') {
      budget.spend(1); // none, but a file of comments alone is bounded so too
      commentsAtEnd.push({ indent, end });
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return { lines, lineStarts, commentsAtEnd };
}
