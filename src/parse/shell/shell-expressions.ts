import { paramExpansionEnd } from './shell-spans.js';
import { OUTSIDE, WordLexer } from './shell-words.js';

// mvdan-sh's test operators (its testUnaryOp and testBinaryOp, bash dialect). `-a` and `-o` are
// unary there too; `=~`, `<` and `>` are lexed their own way and stay outside, as do `(` groups.
const UNARY_TEST = new Set([
  '-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-n', '-o', '-p', '-r', '-s', '-t', '-u', '-v', '-w', '-x',
  '-z', '-G', '-L', '-N', '-O', '-R', '-S',
]);
const BINARY_TEST = new Set(['=', '==', '!=', '-nt', '-ot', '-ef', '-eq', '-ne', '-le', '-ge', '-lt', '-gt']);
// `[KEY]=` of an associative or indexed array element: mvdan-sh reads the key as arithmetic, so
// only keys that read as one plain operand there (a number, a version, a name, `$NAME`).
const ARRAY_KEY = /\[(?:[0-9]+(?:\.[0-9]+)*|\$?[A-Za-z_][A-Za-z0-9_]*)\]=(?![ \t\n]|\\\n)/y;
// Operands of `$((…))` read without a parser of their own: numbers, names and `$NAME`s, each followed
// by a blank, an operator or the closing parenthesis (so `0x1`, `a[1]`, `a++` are not read as one).
const ARITHMETIC_OPERAND = /(?:[0-9]+|\$?[A-Za-z_][A-Za-z0-9_]*)(?=[ \t+\-*/%)])/y;
const ARITHMETIC_OPERATOR = /[+\-*/%](?=[ \t$0-9A-Za-z_])/y;

/**
 * The expressions of the shell grammar, as mvdan-sh reads them: `[[ … ]]` test clauses, the elements
 * of array assignments and `$((…))` arithmetic. None runs a command; what the walk meets in them is
 * the commands of the substitutions in their words, in source order (its walk of an expression tree
 * visits operands left to right), which reading those words records.
 */
export abstract class ExpressionLexer extends WordLexer {
  /**
   * `[[ … ]]` from after its `[[`: tests (`-e WORD`, `WORD == WORD`, a lone `WORD`), each maybe
   * negated by `!`, joined by `&&` and `||`, all on one line (continuations aside).
   */
  protected testClause(): void {
    if (this.inBackquote) throw OUTSIDE;
    for (;;) {
      this.skipBlanks();
      while (this.peekKeyword() === '!') {
        this.pos++;
        this.skipBlanks();
      }
      const first = this.testWord();
      this.skipBlanks();
      if (UNARY_TEST.has(first)) {
        this.testWord();
        this.skipBlanks();
      } else if (!this.atJoin() && this.peekKeyword() !== ']]') {
        if (!BINARY_TEST.has(this.testWord(false))) throw OUTSIDE;
        this.skipBlanks();
        this.testWord();
        this.skipBlanks();
      }
      if (!this.atJoin()) break;
      this.pos += 2;
    }
    this.expect(']]');
  }

  /** `&&` or `||` between tests. */
  private atJoin(): boolean {
    const c = this.src[this.pos];
    return (c === '&' || c === '|') && this.src[this.pos + 1] === c;
  }

  /**
   * A word of a test clause (an operand, or else an operator), as its raw text. Words mvdan-sh could
   * read as something else are left to it: `]]`, an operand starting `!`, words joined across a
   * continuation.
   */
  private testWord(operand = true): string {
    const c = this.src[this.pos];
    if (!this.atWord() || (operand && c === '!') || c === ' ' || c === '\t') throw OUTSIDE;
    const word = this.word();
    if (word.fd || word.continued || word.raw === ']]' || word.raw === '') throw OUTSIDE;
    return word.raw;
  }

  /**
   * The `( … )` of an array assignment, from its `(`: words, and `[KEY]=word` elements, separated by
   * blanks, newlines and comments. It must stand alone: mvdan-sh rejects it glued to more text.
   */
  protected arrayElements(): void {
    if (this.inBackquote) throw OUTSIDE;
    this.pos++;
    for (;;) {
      this.skipBlanks();
      let c = this.src[this.pos];
      if (c === '\n' || c === '#') {
        if (this.heredocPending) throw OUTSIDE; // a heredoc body inside an array: not worth following
        this.skipNewlines();
        c = this.src[this.pos];
      }
      if (c === ')') break;
      if (c === '[') {
        ARRAY_KEY.lastIndex = this.pos;
        if (!ARRAY_KEY.test(this.src)) throw OUTSIDE;
        this.pos = ARRAY_KEY.lastIndex;
      }
      if (!this.atWord() || this.word().fd) throw OUTSIDE;
    }
    this.pos++;
    const next = this.src[this.pos];
    if (next !== undefined && !/[ \t\n;&|)]/.test(next)) throw OUTSIDE;
  }

  /**
   * `$((…))` from its `$`, as written: operands (numbers, names, `$NAME`, `${…}`, `$(…)`) joined by
   * `+ - * / %`, on one line. Parentheses, unary and other operators, and anything else about
   * arithmetic (its own lexing of words, `$((` that is really `$( (`) are left to the full parser.
   */
  protected arithmeticExpansion(): string {
    const src = this.src;
    const begin = this.pos;
    this.pos += 3;
    for (;;) {
      this.arithmeticBlanks();
      this.arithmeticOperand();
      this.arithmeticBlanks();
      if (src.startsWith('))', this.pos)) break;
      ARITHMETIC_OPERATOR.lastIndex = this.pos;
      if (!ARITHMETIC_OPERATOR.test(src)) throw OUTSIDE;
      this.pos++;
    }
    this.pos += 2;
    return src.slice(begin, this.pos);
  }

  private arithmeticOperand(): void {
    const src = this.src;
    if (src.startsWith('$(', this.pos) && src[this.pos + 2] !== '(') {
      this.substitution(2);
    } else if (src.startsWith('${', this.pos)) {
      const end = paramExpansionEnd(src, this.pos + 2, true);
      if (end === undefined) throw OUTSIDE;
      this.pos = end;
    } else {
      ARITHMETIC_OPERAND.lastIndex = this.pos;
      if (!ARITHMETIC_OPERAND.test(src)) throw OUTSIDE;
      this.pos = ARITHMETIC_OPERAND.lastIndex;
    }
  }

  private arithmeticBlanks(): void {
    while (this.src[this.pos] === ' ' || this.src[this.pos] === '\t') this.pos++;
  }
}
