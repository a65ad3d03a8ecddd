import type { SimpleCommand } from './split-commands.js';

/**
 * A fast path for the shell scripts most RUN instructions are: lists of simple commands joined by
 * `&&`, `||`, `;`, `&`, `|` and newlines, with quotes, backslash escapes, line continuations,
 * `$NAME` / `${NAME…}` expansions, `$(…)` holding more of the same, assignments, declaration builtins
 * (`export A=1`), redirections and comments. It is a real lexer for exactly that subset of the shell
 * grammar and answers `undefined` at the first thing outside it (backquotes, subshells and groups,
 * reserved words, arithmetic, heredocs and here-strings, `$'…'`, arrays, `|&`, `;;`, a syntax
 * error…), so the caller can hand the script to the full shell parser. Its output is identical to
 * that parser's for every script it accepts; a differential test over the corpus and a property test
 * keep it so.
 */
export function splitSimpleCommands(script: string): SimpleCommand[] | undefined {
  try {
    return new Lexer(script).script();
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}

/** Thrown (and caught above) when the script leaves the subset; never escapes this module. */
const OUTSIDE = Symbol('outside the simple subset');

// First words that the shell parser turns into something other than a simple command: keywords, and
// `let`, which mvdan-sh parses as an arithmetic clause. Declaration builtins are their own clause too,
// with no command of their own, but the commands inside their words still count.
const RESERVED = new Set([
  '!', '{', '}', '[[', ']]', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'function', 'if', 'in',
  'select', 'then', 'time', 'until', 'while', 'coproc', 'let',
]);
// Nesting of `$(…)` the lexer follows before leaving the script to the full parser (recursion bound).
const MAX_DEPTH = 32;
const DECLARATION = new Set(['declare', 'local', 'export', 'readonly', 'typeset', 'nameref']);
const DECLARED = /^(?:-[A-Za-z]+|[A-Za-z_][A-Za-z0-9_]*(?:\+?=[^]*)?)$/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAM = '@*#?$!-0123456789';
// `${…}` after the `${`: a name, then `}` or an operator (`:-`, `#`, `%%`, `/`, `:`, `^`…) and plain text;
// anything that could nest or quote (or `${#V…}` forms, `${!V}`, `${@}`) goes to the full parser.
const PARAM_BODY = /^(?:#[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*(?:\}|(?::?[-=+?]|##?|%%?|\/\/?|\^\^?|,,?|:)[^"'\\$`{}()\n]*\}))/;

interface Stage {
  readonly words: string[];
  /** Script line of the first assignment or word; 0 while the command has neither. */
  line: number;
  readonly pipeline: Stage[];
}

class Lexer {
  private pos = 0;
  private line = 1;
  /** `$(…)` nesting depth: inside one, `)` ends the list. */
  private depth = 0;
  /**
   * Pipelines and commands in the order the full parser's tree walk meets them: each is recorded when
   * it starts, so the commands inside a `$(…)` come after the command whose word holds them.
   */
  private readonly pipelines: Stage[][] = [];
  private readonly stages: Stage[] = [];

  constructor(private readonly src: string) {}

  /** The whole script; `commands()` numbers what it found. */
  script(): SimpleCommand[] {
    this.list();
    return this.commands();
  }

  private list(): void {
    let pipelines = 0;
    for (;;) {
      this.skipSpace(true);
      if (this.pos >= this.src.length) break;
      if (this.src[this.pos] === ')' && this.depth > 0) break;
      this.pipeline();
      pipelines++;
      this.skipSpace(false);
      const c = this.src[this.pos];
      if (c === undefined) break;
      if (c === '\n' || c === '#') continue; // the next turn skips it (a comment runs to the newline)
      if (c === ')' && this.depth > 0) break;
      if (c === ';' || (c === '&' && this.src[this.pos + 1] !== '&')) {
        if (this.src[this.pos + 1] === ';' || this.src[this.pos + 1] === '&') throw OUTSIDE;
        this.pos++;
        this.skipSpace(false);
        if (/[;&|]/.test(this.src[this.pos] ?? '')) throw OUTSIDE;
        continue;
      }
      if ((c === '&' || c === '|') && this.src[this.pos + 1] === c) {
        this.pos += 2;
        this.skipSpace(true);
        if (this.pos >= this.src.length || this.src[this.pos] === ')') throw OUTSIDE; // `a &&` at the end
        continue;
      }
      throw OUTSIDE;
    }
    if (this.depth > 0 && (pipelines === 0 || this.src[this.pos] !== ')')) throw OUTSIDE;
  }

  /** Numbers pipelines first, in walk order, then lone commands, as the full parser's tree walk does. */
  private commands(): SimpleCommand[] {
    const ids = new Map<Stage[], number>();
    for (const stages of this.pipelines) if (stages.length > 1) ids.set(stages, ids.size);
    let lone = ids.size;
    const out: SimpleCommand[] = [];
    for (const stage of this.stages) {
      if (stage.words.length === 0) continue;
      const size = stage.pipeline.length;
      const pipeline = ids.get(stage.pipeline) ?? lone++;
      const position = stage.pipeline.indexOf(stage);
      out.push({ words: stage.words, line: stage.line, pipeline, position, pipelineSize: size });
    }
    return out;
  }

  private pipeline(): void {
    const stages: Stage[] = [];
    this.pipelines.push(stages);
    this.command(stages);
    for (;;) {
      this.skipSpace(false);
      if (this.src[this.pos] !== '|' || this.src[this.pos + 1] === '|') break;
      if (this.src[this.pos + 1] === '&') throw OUTSIDE;
      this.pos++;
      this.skipSpace(true);
      this.command(stages);
    }
  }

  private command(pipeline: Stage[]): void {
    const stage: Stage = { words: [], line: 0, pipeline };
    pipeline.push(stage);
    this.stages.push(stage);
    let parts = 0;
    // A declaration builtin (`export A=$(x) B`) is its own clause, not a command: its words are read
    // for the commands inside them, and dropped.
    let declaration = false;
    for (;;) {
      this.skipSpace(false);
      const c = this.src[this.pos];
      if (c === undefined || c === '\n' || c === ';' || c === '|' || c === '#') break;
      if (c === ')' && this.depth > 0) break;
      if (c === '&' && this.src[this.pos + 1] !== '>') break;
      parts++;
      if (c === '<' || c === '>' || c === '&') {
        if (declaration) throw OUTSIDE;
        this.redirect();
        continue;
      }
      const start = this.line;
      const word = this.word();
      if (word.fd && !declaration) {
        this.redirect();
        continue;
      }
      if (declaration) {
        // Options, names and assignments only: mvdan-sh reads anything else after `export` its own way.
        if (word.fd || !DECLARED.test(word.raw)) throw OUTSIDE;
        continue;
      }
      if (stage.words.length === 0) {
        // `a[1]=x` is an array element, and mvdan-sh reads other first words with `[` and `=` as
        // assignments too (`--x=[`): only a plain `[` (test) stays on the fast path.
        if (word.continued || (word.raw.includes('[') && word.raw !== '[')) throw OUTSIDE;
        if (ASSIGNMENT.test(word.raw)) {
          if (stage.line === 0) stage.line = start;
          continue;
        }
        if (DECLARATION.has(word.raw) && parts === 1) {
          declaration = true;
          continue;
        }
        if (RESERVED.has(word.raw)) throw OUTSIDE;
        if (stage.line === 0) stage.line = start;
      }
      stage.words.push(word.value);
    }
    if (parts === 0) throw OUTSIDE; // an empty command where one is required
  }

  /** `<`, `>`, `>>`, `<>`, `<&`, `>&`, `>|`, `&>`, `&>>` and their target word; heredocs are outside. */
  private redirect(): void {
    const op = /^(?:&>>?|>>|>&|>\||>|<>|<&|<)/.exec(this.src.slice(this.pos, this.pos + 3))?.[0];
    if (op === undefined || this.src.startsWith('<<', this.pos)) throw OUTSIDE;
    this.pos += op.length;
    this.skipSpace(false);
    const c = this.src[this.pos];
    if (c === undefined || /[\n;&|<>#()]/.test(c)) throw OUTSIDE;
    if (this.word().fd) throw OUTSIDE;
  }

  /** One word: its value as the splitter reports it, its raw text, and whether it is a redirection's fd number. */
  private word(): { value: string; raw: string; fd: boolean; continued: boolean } {
    const src = this.src;
    const begin = this.pos;
    let value = '';
    let quoted = false;
    let continued = false;
    // Whether the last thing read was a plain or escaped character: mvdan-sh starts a comment at a `#`
    // right after a quote or an expansion (`"a"#b`), which no ordinary script means, so that is outside.
    let afterChar = false;
    for (;;) {
      const c = src[this.pos];
      if (c === '#' && !afterChar && this.pos > begin) throw OUTSIDE;
      afterChar = c !== "'" && c !== '"' && c !== '$' && !(c === '\\' && src[this.pos + 1] === '\n');
      if (c === undefined || c === ' ' || c === '\t' || c === '\n' || c === ';' || c === '&' || c === '|') break;
      if (c === '<' || c === '>') {
        const fd = !quoted && /^[0-9]+$/.test(src.slice(begin, this.pos));
        return { value, raw: src.slice(begin, this.pos), fd, continued };
      }
      if (c === ')' && this.depth > 0) break;
      if (c === '(' || c === ')' || c === '`' || c < ' ') throw OUTSIDE;
      if (c === '\\') {
        const next = src[this.pos + 1];
        if (next === undefined || next === '\r') throw OUTSIDE;
        if (next === '\n') {
          this.line++;
          continued = true;
        } else {
          value += next;
        }
        quoted = true;
        this.pos += 2;
      } else if (c === "'") {
        const end = src.indexOf("'", this.pos + 1);
        if (end < 0) throw OUTSIDE;
        const inner = src.slice(this.pos + 1, end);
        value += inner;
        this.line += countNewlines(inner);
        quoted = true;
        this.pos = end + 1;
      } else if (c === '"') {
        value += this.doubleQuoted();
        quoted = true;
      } else if (c === '$') {
        value += this.expansion(false);
      } else {
        value += c;
        this.pos++;
      }
    }
    return { value, raw: src.slice(begin, this.pos), fd: false, continued };
  }

  /** A double-quoted string from its opening quote: its text kept as written, less line continuations. */
  private doubleQuoted(): string {
    const src = this.src;
    let value = '';
    this.pos++;
    for (;;) {
      const c = src[this.pos];
      if (c === undefined || c === '`' || c === '\r') throw OUTSIDE;
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
      } else {
        if (c === '\n') this.line++;
        value += c;
        this.pos++;
      }
    }
  }

  /** `$NAME`, `$1`, `$@`, `${NAME…}` as written; a lone `$` before a blank is a literal. */
  private expansion(inQuotes: boolean): string {
    const src = this.src;
    const next = src[this.pos + 1];
    let end: number;
    if (next === undefined || next === ' ' || next === '\t' || next === '\n') {
      if (inQuotes) throw OUTSIDE;
      end = this.pos + 1;
    } else if (next === '(') {
      if (src[this.pos + 2] === '(') throw OUTSIDE; // arithmetic
      const begin = this.pos;
      this.pos += 2;
      if (++this.depth > MAX_DEPTH) throw OUTSIDE;
      this.list();
      this.depth--;
      this.pos++; // the `)` list() stopped at
      if (src[this.pos] === '\\') throw OUTSIDE;
      return src.slice(begin, this.pos);
    } else if (next === '{') {
      const body = PARAM_BODY.exec(src.slice(this.pos + 2, this.pos + 2 + 4096));
      if (!body) throw OUTSIDE;
      end = this.pos + 2 + body[0].length;
    } else if (NAME_START.test(next)) {
      end = this.pos + 2;
      while (end < src.length && NAME_CHAR.test(src[end] as string)) end++;
    } else if (SPECIAL_PARAM.includes(next)) {
      end = this.pos + 2;
    } else {
      throw OUTSIDE;
    }
    // mvdan-sh ends an unbraced expansion followed by a backslash (`$V\` + newline) past its end.
    if (next !== '{' && src[end] === '\\') throw OUTSIDE;
    const text = src.slice(this.pos, end);
    this.pos = end;
    return text;
  }

  /** Blanks and line continuations; with `newlines`, also newlines and comments (where a command may follow). */
  private skipSpace(newlines: boolean): void {
    const src = this.src;
    for (;;) {
      const c = src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && src[this.pos + 1] === '\n') {
        this.pos += 2;
        this.line++;
      } else if (newlines && c === '\n') {
        this.pos++;
        this.line++;
      } else if (newlines && c === '#') {
        const end = src.indexOf('\n', this.pos);
        // The full parser joins a continuation even inside a comment; such scripts go to it.
        if (end > 0 && src[end - 1] === '\\') throw OUTSIDE;
        this.pos = end < 0 ? src.length : end;
      } else break;
    }
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
