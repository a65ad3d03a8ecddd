import type { Pipeline, Stage, Walked } from './split-simple.js';
import { ExpressionLexer } from './shell-expressions.js';
import { OUTSIDE, RESERVED } from './shell-words.js';
import { MAX_COMMANDS, tooManyCommands } from './shell-limits.js';

export const DECLARATION = new Set(['declare', 'local', 'export', 'readonly', 'typeset', 'nameref']);
const DECLARED = /^(?:-[A-Za-z]+|[A-Za-z_][A-Za-z0-9_]*(?:\+?=[^]*)?)$/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;
/** A redirection operator, longest first (sticky: set `lastIndex` to where it may start). */
export const REDIRECT = /&>>?|>>|>&|>\||>|<<<|<<-?|<>|<&|</y;
const CASE_END = /;;&?|;&/y;
const LEADING_LITERAL = /^[^"'`$\\]*/;

/**
 * The list level of the shell grammar, after mvdan-sh's parser (bash dialect): lists of statements,
 * `&&` and `||`, pipelines and `!`, simple commands with assignments (arrays among them) and
 * redirections, and declaration builtins. Compound commands are read by the subclass; anything else
 * (`((…))`, `time`, `let`, a syntax error…) throws OUTSIDE.
 */
export abstract class ListParser extends ExpressionLexer {
  /** Simple commands read so far: past MAX_COMMANDS the script is refused before more are built. */
  private commandCount = 0;

  /** Reads a compound command (or a function definition) if one starts here; answers whether it did. */
  protected abstract compoundCommand(): boolean;

  protected list(stops: readonly string[]): number {
    return this.deeper(() => {
      let count = 0;
      let separated = true;
      for (;;) {
        const newline = this.skipNewlines();
        const c = this.src[this.pos];
        if (c === undefined) break;
        const keyword = this.peekKeyword();
        if (keyword !== undefined && stops.includes(keyword)) break;
        if (c === ')') {
          if (this.context.parenCloses) break;
          throw OUTSIDE;
        }
        if (c === '`' && this.inBackquote) break;
        if (this.caseEnd() > 0) {
          if (this.context.caseItem) break;
          throw OUTSIDE;
        }
        if (!newline && !separated) throw OUTSIDE; // `(a) b`, `fi x`
        this.andOr();
        count++;
        this.skipBlanks();
        const end = this.src[this.pos];
        separated = (end === ';' && this.caseEnd() === 0) || (end === '&' && this.src[this.pos + 1] !== '&');
        if (separated) this.pos++;
      }
      return count;
    });
  }

  /** The length of the `;;`, `;&` or `;;&` that ends a case item here, or 0. */
  protected caseEnd(): number {
    CASE_END.lastIndex = this.pos;
    return CASE_END.exec(this.src)?.[0].length ?? 0;
  }

  /** Pipelines joined by `&&` and `||` (a statement without its `;` or `&`). */
  protected andOr(): void {
    for (;;) {
      this.pipeline();
      this.skipBlanks();
      const c = this.src[this.pos];
      if ((c !== '&' && c !== '|') || this.src[this.pos + 1] !== c) return;
      this.pos += 2;
      this.skipNewlines();
    }
  }

  /** Commands joined by `|` or `|&`, the whole maybe negated by `!` (which then holds for every command inside). */
  private pipeline(): void {
    const pipeline: Pipeline = { stages: [] };
    this.sink.push(pipeline);
    const negated = this.peekKeyword() === '!';
    if (negated) {
      this.pos++;
      this.skipBlanks();
      const c = this.src[this.pos] ?? '';
      if (/^[\n;&|)#]?$/.test(c) || (c === '`' && this.inBackquote)) throw OUTSIDE; // `!` alone
      this.negations++;
    }
    for (;;) {
      this.stage(pipeline);
      this.skipBlanks();
      if (this.src[this.pos] !== '|' || this.src[this.pos + 1] === '|') break;
      this.pos += this.src[this.pos + 1] === '&' ? 2 : 1; // `|&` pipes stderr too: the same pipeline
      this.skipNewlines();
    }
    if (negated) this.negations--;
  }

  /** One command of a pipeline with its redirections; their words come after the command in walk order. */
  private stage(pipeline: Pipeline): void {
    const stage: Stage = { words: [], assignments: [], redirects: [], line: 0, pipeline, position: pipeline.stages.length, negated: this.negations > 0 };
    pipeline.stages.push(stage);
    this.sink.push(stage);
    const redirects: Walked[] = [];
    if (this.compoundCommand()) this.trailingRedirects(redirects);
    else this.simpleCommand(stage, redirects);
    if (stage.words.length > 0 && ++this.commandCount > MAX_COMMANDS) throw tooManyCommands();
    if (redirects.length > 0) this.sink.push(redirects);
  }

  private simpleCommand(stage: Stage, redirects: Walked[]): void {
    let parts = 0;
    // A declaration builtin (`export A=$(x) B`) is a command whose words are its name, options,
    // names and assignments, as written; the commands inside them are read too.
    let declaration = false;
    // mvdan-sh rejects a command run with an array assignment before it (`A=(1) cmd`).
    let array = false;
    for (;;) {
      this.skipBlanks();
      const c = this.src[this.pos];
      const next = this.src[this.pos + 1];
      if (c === undefined || c === '\n' || c === ';' || c === '|' || c === '#') break;
      if (c === ')') {
        if (this.context.parenCloses) break;
        throw OUTSIDE;
      }
      if (c === '`' && this.inBackquote) break;
      if (c === '&' && next !== '>') break;
      parts++;
      if (c === '&' || ((c === '<' || c === '>') && next !== '(')) {
        if (declaration) throw OUTSIDE;
        this.redirect(redirects, stage);
        continue;
      }
      const word = this.word();
      if (word.fd && !declaration) {
        this.redirect(redirects, stage, Number(word.raw));
        continue;
      }
      if (declaration) {
        // Options, names and assignments only: mvdan-sh reads anything else after `export` its own way.
        if (word.fd || !DECLARED.test(word.raw)) throw OUTSIDE;
        stage.words.push(word.value);
        continue;
      }
      if (stage.words.length === 0) {
        // `a[1]=x` is an array element, and mvdan-sh reads other first words with a `[` after their
        // first character as assignments too (`--x=[`): those go to it. What counts is the literal
        // text the word starts with, up to a quote or an expansion.
        // A continuation inside the word only matters where it could join a keyword or a name: not
        // after a leading quote or substitution (`` `# note`\ `` + newline + `cmd`).
        const literal = LEADING_LITERAL.exec(word.raw)?.[0] ?? '';
        if (word.continued && !/^[`$"']/.test(word.raw)) throw OUTSIDE;
        if (literal.includes('[') && !literal.startsWith('[')) throw OUTSIDE;
        if (ASSIGNMENT.test(word.raw)) {
          if (this.src[this.pos] === '(') {
            this.arrayElements();
            array = true;
          }
          if (stage.line === 0) stage.line = word.line;
          stage.assignments.push(word.value);
          continue;
        }
        if (array) throw OUTSIDE;
        if (DECLARATION.has(word.raw) && parts === 1) {
          declaration = true;
          stage.line = word.line;
          stage.words.push(word.value);
          continue;
        }
        if (RESERVED.has(word.raw)) throw OUTSIDE;
        if (stage.line === 0) stage.line = word.line;
      }
      stage.words.push(word.value);
    }
    if (parts === 0) throw OUTSIDE; // an empty command where one is required
  }

  /** Redirections after a compound command (`done < file`, `} > log 2>&1`). */
  private trailingRedirects(redirects: Walked[]): void {
    for (;;) {
      this.skipBlanks();
      const fd = /^[0-9]*/.exec(this.src.slice(this.pos, this.pos + 8))?.[0] ?? '';
      REDIRECT.lastIndex = this.pos + fd.length;
      if (!REDIRECT.test(this.src)) return;
      this.pos += fd.length;
      this.redirect(redirects);
    }
  }

  /**
   * A redirection operator and its word, whose commands are recorded in `redirects`; heredoc bodies come
   * later. A simple command's redirections other than heredocs and here-strings are kept on its `stage`,
   * with the descriptor written before the operator (`2>`) as `fd`.
   */
  private redirect(redirects: Walked[], stage?: Stage, fd?: number): void {
    REDIRECT.lastIndex = this.pos;
    const op = REDIRECT.exec(this.src)?.[0];
    if (op === undefined) throw OUTSIDE;
    if (op === '<<' || op === '<<-') {
      const slot: Walked[] = [];
      redirects.push(slot);
      this.heredoc(slot);
      return;
    }
    this.pos += op.length;
    this.skipBlanks();
    if (!this.atWord()) throw OUTSIDE;
    const outer = this.sink;
    this.sink = redirects;
    const word = this.word();
    this.sink = outer;
    if (word.fd) throw OUTSIDE;
    if (stage && op !== '<<<') stage.redirects.push(fd === undefined ? { op, to: word.value } : { op, fd, to: word.value });
  }
}
