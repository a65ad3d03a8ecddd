import type { Walked } from './split-simple.js';
import { ansiQuoteEnd, countNewlines, heredocBody, heredocOperator, paramExpansionEnd, type HeredocOperator } from './shell-spans.js';

/** Thrown when the script leaves what the parser understands; splitSimpleCommands catches it. */
export const OUTSIDE = Symbol('outside the understood subset');

/** One word as the splitter reports it. */
export interface Word {
  /** Quotes removed, expansions kept as written (mvdan-sh's walk: `wordValue` in split-commands.ts). */
  readonly value: string;
  /** The source text. */
  readonly raw: string;
  /** Line where it starts. */
  readonly line: number;
  /** A number right before `<` or `>`: the file descriptor of a redirection, not a word. */
  readonly fd: boolean;
  /** Whether a line continuation runs through it (one that ends it does not count, nor is it in `raw`). */
  readonly continued: boolean;
}

/** What `)`, `;;` and backquotes mean where a list is being read (mvdan-sh's quote states). */
export interface ListContext {
  /** `)` closes the list: inside `$(…)`, `(…)`, `<(…)`. */
  readonly parenCloses: boolean;
  /** `;;`, `;&` and `;;&` close the list: a case item's commands. */
  readonly caseItem: boolean;
}

interface Heredoc extends HeredocOperator {
  /** Where the commands of the body go in walk order: right after the redirection's word. */
  readonly slot: Walked[];
  readonly level: number;
}

// Nesting of lists followed before the script is left to the full parser (recursion bound).
const MAX_DEPTH = 32;
// Words the full parser reads as reserved at the start of a command (its IsKeyword list) and `let`,
// which it parses as an arithmetic clause.
export const RESERVED = new Set([
  '!', '{', '}', '[[', ']]', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'function', 'if', 'in',
  'select', 'then', 'time', 'until', 'while', 'coproc', 'let',
]);
const KEYWORD = /[a-z!{}[\]]+(?=(?:\\\n)?(?:[ \t\n;&|<>()`]|$))/y;
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAM = '@*#?$!-0123456789';
const ARRAY_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=$/;
// Characters after which mvdan-sh reads a `$` as a literal (its wordPart: anything that neither opens
// an expansion nor continues a name); the rest of ASCII punctuation is left to it.
const LITERAL_DOLLAR_BEFORE = '%&)+,./:;<=>]^|}~';

/**
 * The word level of the shell grammar, as mvdan-sh reads it: blanks, comments and newlines between
 * words, words with their quotes, escapes and expansions, command substitutions (whose lists the
 * grammar reads), and heredoc bodies. Everything it meets that the walk of mvdan-sh's tree would
 * visit is recorded in `sink`, in that walk's order.
 */
export abstract class WordLexer {
  protected pos = 0;
  protected line = 1;
  /** Where what the walk meets is recorded now: the current list, or a redirection's slot. */
  protected sink: Walked[] = [];
  protected context: ListContext = { parenCloses: false, caseItem: false };
  /** Inside backquotes (any depth of lists): a backquote closes them. */
  protected inBackquote = false;
  /** The `!`s whose pipelines hold the command being read; a substitution starts again from 0. */
  protected negations = 0;
  /** Lists the full parser reads in a nested state (substitutions, subshells, case items): heredocs stay within one. */
  private level = 0;
  private depth = 0;
  private readonly heredocs: Heredoc[] = [];

  constructor(protected readonly src: string) {}

  /**
   * Reads statements up to the end of the script, a token that closes the context, or one of `stops`
   * at the start of a statement (mvdan-sh's stmtList); answers how many.
   */
  protected abstract list(stops: readonly string[]): number;

  /** `$((…))` from its `$`, as written, if it is a form the fast path follows. */
  protected abstract arithmeticExpansion(): string;

  /** `list` in a nested state; a heredoc opened inside must end inside. */
  protected nested(context: ListContext, stops: readonly string[] = []): number {
    const outer = this.context;
    const pending = this.heredocs.length;
    this.context = context;
    this.level++;
    const count = this.list(stops);
    if (this.heredocs.length !== pending) throw OUTSIDE;
    this.level--;
    this.context = outer;
    return count;
  }

  /** Reads a substitution's list: its commands give a word, so no `!` around it inverts their status. */
  private apart(read: () => void): void {
    const outer = this.negations;
    this.negations = 0;
    read();
    this.negations = outer;
  }

  /** Runs `read` one level deeper, within the recursion bound. */
  protected deeper<T>(read: () => T): T {
    if (++this.depth > MAX_DEPTH) throw OUTSIDE;
    const result = read();
    this.depth--;
    return result;
  }

  /** The reserved word at the cursor, if the next word is one, unquoted and whole. */
  protected peekKeyword(): string | undefined {
    KEYWORD.lastIndex = this.pos;
    const word = KEYWORD.exec(this.src)?.[0];
    if (word === undefined || !RESERVED.has(word)) return undefined;
    const next = this.src[this.pos + word.length];
    // `!(…)` is an extended glob, and a keyword glued to `(` or to a backquote that opens one is read in
    // ways not worth following; inside backquotes, a backquote after it closes them (`` `…; fi` ``).
    if (next === '(' || (next === '`' && !this.inBackquote)) throw OUTSIDE;
    // Glued to `<(…)`, it is the start of a longer word (`!<(a)`).
    if ((next === '<' || next === '>') && this.src[this.pos + word.length + 1] === '(') return undefined;
    return word;
  }

  /** Consumes `keyword`, which must come next. */
  protected expect(keyword: string): void {
    if (this.peekKeyword() !== keyword) throw OUTSIDE;
    this.pos += keyword.length;
  }

  /** Whether a heredoc still waits for its body: the script may not end there. */
  protected get heredocPending(): boolean {
    return this.heredocs.length > 0;
  }

  /** One word: its value as the splitter reports it, its raw text, and whether it is a redirection's fd number. */
  protected word(): Word {
    const src = this.src;
    const begin = this.pos;
    const line = this.line;
    let value = '';
    let quoted = false;
    let continued = false;
    // Whether the last thing read was a plain or escaped character: mvdan-sh starts a comment at a `#`
    // right after a quote or an expansion (`"a"#b`), which no ordinary script means, so that is outside.
    let afterChar = false;
    for (;;) {
      const c = src[this.pos];
      if (c === '#' && !afterChar && this.pos > begin) throw OUTSIDE;
      afterChar = false;
      if (c === undefined || c === ' ' || c === '\t' || c === '\n' || c === ';' || c === '&' || c === '|') break;
      if (c === ')' || (c === '`' && this.inBackquote)) break;
      if (c === '<' || c === '>') {
        if (src[this.pos + 1] === '(') {
          // `<(…)` starts a word; glued to one (`a<(b)`), the full parser reads a single word.
          if (this.pos > begin) throw OUTSIDE;
          value += this.substitution(2);
          continue;
        }
        const raw = src.slice(begin, this.pos);
        if (/^\{.*\}$/.test(raw)) throw OUTSIDE; // `{fd}>file`: a redirection naming its fd variable
        return { value, raw, line, fd: !quoted && /^[0-9]+$/.test(raw), continued };
      }
      if (c === '(') {
        // `NAME=(…)` assigns an array: the caller reads the elements (shell-expressions.ts).
        if (ARRAY_ASSIGNMENT.test(src.slice(begin, this.pos))) break;
        throw OUTSIDE;
      }
      if (c < ' ') throw OUTSIDE;
      if (c === '\\') {
        const next = src[this.pos + 1];
        if (next === undefined || next === '\r') throw OUTSIDE;
        if (next === '\n') {
          this.line++;
          continued = true;
        } else {
          value += next;
          afterChar = true;
        }
        quoted = true;
        this.pos += 2;
      } else if (c === "'") {
        const end = src.indexOf("'", this.pos + 1);
        value += this.quotedText(this.pos + 1, end < 0 ? undefined : end);
        quoted = true;
      } else if (c === '"') {
        value += this.doubleQuoted();
        quoted = true;
      } else if (c === '`') {
        value += this.backquoted();
      } else if (c === '$' && src[this.pos + 1] === "'") {
        value += this.quotedText(this.pos + 2, ansiQuoteEnd(src, this.pos + 2));
        quoted = true;
      } else if (c === '$') {
        value += this.expansion(false);
      } else {
        value += c;
        afterChar = true;
        this.pos++;
      }
    }
    // mvdan-sh drops continuations from words: one that ends the word changes nothing, one inside it
    // can join a keyword or an assignment (`f\` + newline + `i` is `fi`), which is left to it.
    const trailing = src.endsWith('\\\n', this.pos);
    const raw = src.slice(begin, trailing ? this.pos - 2 : this.pos);
    return { value, raw, line, fd: false, continued: continued && (!trailing || raw.includes('\\\n')) };
  }

  /** The text of a single-quoted string from `start` to its closing quote at `end`, kept as written. */
  private quotedText(start: number, end: number | undefined): string {
    if (end === undefined) throw OUTSIDE;
    const inner = this.src.slice(start, end);
    if (this.inBackquote && inner.includes('`')) throw OUTSIDE;
    this.line += countNewlines(inner);
    this.pos = end + 1;
    return inner;
  }

  /** A double-quoted string from its opening quote: its text kept as written, less line continuations. */
  private doubleQuoted(): string {
    const src = this.src;
    let value = '';
    this.pos++;
    for (;;) {
      const c = src[this.pos];
      if (c === undefined || c === '\r') throw OUTSIDE;
      if (c === '"') {
        this.pos++;
        return value;
      }
      if (c === '\\') {
        const next = src[this.pos + 1];
        if (next === undefined || next === '\r') throw OUTSIDE;
        if (next === '\n') this.line++;
        else value += c + next;
        this.pos += 2;
      } else if (c === '$') {
        value += this.expansion(true);
      } else if (c === '`') {
        value += this.backquoted();
      } else {
        if (c === '\n') this.line++;
        value += c;
        this.pos++;
      }
    }
  }

  /** `$NAME`, `$1`, `$@`, `${NAME…}`, `$(…)` as written; a lone `$` before a blank is a literal. */
  private expansion(inQuotes: boolean): string {
    const src = this.src;
    const next = src[this.pos + 1];
    let end: number;
    if (next === undefined || next === ' ' || next === '\t' || next === '\n') {
      if (inQuotes) throw OUTSIDE;
      end = this.pos + 1;
    } else if (next === '(') {
      return src[this.pos + 2] === '(' ? this.arithmeticExpansion() : this.substitution(2);
    } else if (next === '{') {
      const close = paramExpansionEnd(src, this.pos + 2, inQuotes);
      if (close === undefined) throw OUTSIDE;
      end = close;
    } else if (NAME_START.test(next)) {
      end = this.pos + 2;
      while (end < src.length && NAME_CHAR.test(src[end] as string)) end++;
    } else if (SPECIAL_PARAM.includes(next)) {
      end = this.pos + 2;
    } else if (LITERAL_DOLLAR_BEFORE.includes(next)) {
      end = this.pos + 1;
    } else {
      throw OUTSIDE;
    }
    // mvdan-sh carries an unbraced expansion over a line continuation (`$V\` + newline + `X` is `$VX`).
    if (next !== '{' && src[end] === '\\' && src[end + 1] === '\n') throw OUTSIDE;
    const text = src.slice(this.pos, end);
    this.pos = end;
    return text;
  }

  /** `$(…)`, `<(…)` or `>(…)` from its first character (an opener `opener` long), as written. */
  protected substitution(opener: number): string {
    const begin = this.pos;
    this.pos += opener;
    this.apart(() => this.nested({ parenCloses: true, caseItem: false }));
    if (this.src[this.pos] !== ')') throw OUTSIDE;
    this.pos++;
    return this.src.slice(begin, this.pos);
  }

  /**
   * `` `…` `` as written. Only backquotes with no backslash inside: backslashes there follow rules of
   * their own (`` \` `` nests, `\$` and `\\` unescape), which the full parser is left to apply. A
   * comment inside ends at the closing backquote (`` `# note` `` is an empty command substitution).
   */
  private backquoted(): string {
    const src = this.src;
    const begin = this.pos;
    const end = src.indexOf('`', begin + 1);
    if (this.inBackquote || end < 0) throw OUTSIDE;
    const inner = src.slice(begin + 1, end);
    if (inner.includes('\\')) throw OUTSIDE;
    this.pos++;
    this.inBackquote = true;
    this.apart(() => this.nested({ parenCloses: false, caseItem: false }));
    this.inBackquote = false;
    if (this.pos !== end) throw OUTSIDE;
    this.pos++;
    return src.slice(begin, this.pos);
  }

  /** Whether a word (not an operator, a comment or the end) starts here. */
  protected atWord(): boolean {
    const c = this.src[this.pos];
    if (c === undefined || (c === '`' && this.inBackquote)) return false;
    return !/[\n;&|<>()#]/.test(c) || ((c === '<' || c === '>') && this.src[this.pos + 1] === '(');
  }

  /** Blanks and line continuations. */
  protected skipBlanks(): void {
    const src = this.src;
    for (;;) {
      const c = src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && src[this.pos + 1] === '\n') {
        this.pos += 2;
        this.line++;
      } else return;
    }
  }

  /**
   * Blanks, comments and newlines, where a newline may come (the full parser's newline token); the
   * bodies of pending heredocs start after the first newline. Answers whether there was a newline.
   */
  protected skipNewlines(): boolean {
    const src = this.src;
    let newline = false;
    for (;;) {
      this.skipBlanks();
      const c = src[this.pos];
      if (c === '\n') {
        this.pos++;
        this.line++;
        newline = true;
        if (this.heredocs.length > 0) this.heredocBodies();
      } else if (c === '#') {
        const end = this.commentEnd();
        // The full parser joins a continuation even inside a comment; such scripts go to it.
        if (end > 0 && src[end - 1] === '\\') throw OUTSIDE;
        this.pos = end < 0 ? src.length : end;
      } else return newline;
    }
  }

  /** Where the comment at the cursor ends: at its newline, or inside backquotes at the closing one. */
  private commentEnd(): number {
    const newline = this.src.indexOf('\n', this.pos);
    const backquote = this.inBackquote ? this.src.indexOf('`', this.pos) : -1;
    return backquote >= 0 && (newline < 0 || backquote < newline) ? backquote : newline;
  }

  /** A heredoc redirection from its `<<`: the delimiter now, the body after the next newline. */
  protected heredoc(slot: Walked[]): void {
    const operator = heredocOperator(this.src, this.pos);
    if (operator === undefined || this.inBackquote) throw OUTSIDE;
    this.heredocs.push({ ...operator, slot, level: this.level });
    this.pos = operator.end;
  }

  /** Reads the bodies of the pending heredocs, in order, from the start of a line. */
  private heredocBodies(): void {
    for (const heredoc of this.heredocs) {
      if (heredoc.level !== this.level) throw OUTSIDE;
      const start = this.pos;
      const body = heredocBody(this.src, start, heredoc);
      if (body === undefined) throw OUTSIDE;
      if (!heredoc.quoted) this.heredocText(body.end, heredoc.slot);
      this.line += countNewlines(this.src.slice(this.pos, body.next));
      this.pos = body.next;
    }
    this.heredocs.length = 0;
  }

  /** An unquoted heredoc body up to `end`: text with expansions, whose commands go in `slot`. */
  private heredocText(end: number, slot: Walked[]): void {
    const src = this.src;
    // A continuation on the line before the delimiter: whether it joins the delimiter is not worth settling.
    if (src[end - 2] === '\\') throw OUTSIDE;
    const outer = this.sink;
    this.sink = slot;
    while (this.pos < end) {
      const c = src[this.pos];
      if (c === '\\') {
        if (src[this.pos + 1] === '\n') this.line++;
        this.pos += 2;
      } else if (c === '$') {
        const next = src[this.pos + 1];
        if (next === '"' || next === "'") throw OUTSIDE;
        this.expansion(true);
      } else if (c === '`') {
        this.backquoted();
      } else {
        if (c === '\n') this.line++;
        this.pos++;
      }
      if (this.pos > end) throw OUTSIDE;
    }
    this.sink = outer;
  }
}
