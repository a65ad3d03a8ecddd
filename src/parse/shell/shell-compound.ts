import { OUTSIDE } from './shell-words.js';
import { DECLARATION, ListParser } from './shell-lists.js';
import type { Walked } from './split-simple.js';

const COMPOUND = new Set(['{', 'if', 'while', 'until', 'for', 'case']);
const NAME = /[A-Za-z_][A-Za-z0-9_]*(?=[ \t\n;])/y;
// `name()`: a function definition (the name as bash allows it, less what could start a glob or an assignment).
const FUNCTION = /[\w.:-]+[ \t]*\([ \t]*\)/y;

/**
 * The compound commands of the shell grammar, after mvdan-sh's parser: `{ …; }`, `( … )`, `if`,
 * `while`, `until`, `for … in`, `case`, `[[ … ]]` and function definitions. Their parts are read in
 * source order, which is the order mvdan-sh's walk visits them in (an `if`'s condition before its
 * body, a `for`'s words before its body, a case's word before its items).
 */
export class ShellParser extends ListParser {
  /** The whole script, as what mvdan-sh's walk of its tree meets. */
  script(): Walked[] {
    if (this.src.includes('\r')) throw OUTSIDE;
    this.list([]);
    if (this.pos < this.src.length || this.heredocPending) throw OUTSIDE;
    return this.sink;
  }

  protected compoundCommand(): boolean {
    const keyword = this.peekKeyword();
    if (keyword === '[[') {
      this.pos += 2;
      this.testClause();
    } else if (keyword !== undefined) {
      if (!COMPOUND.has(keyword)) throw OUTSIDE; // `time`, `function`…, or one out of place
      this.pos += keyword.length;
      this.compound(keyword);
    } else if (this.functionHead()) {
      this.skipNewlines();
      this.deeper(() => this.andOr()); // the body: any statement, with no `;` or `&` of its own
    } else if (this.src[this.pos] === '(') {
      if (this.src[this.pos + 1] === '(') throw OUTSIDE; // arithmetic command
      this.pos++;
      this.nested({ parenCloses: true, caseItem: false });
      if (this.src[this.pos] !== ')') throw OUTSIDE;
      this.pos++;
    } else {
      return false;
    }
    return true;
  }

  /** Consumes `name()` if a function definition starts here. */
  private functionHead(): boolean {
    FUNCTION.lastIndex = this.pos;
    const head = FUNCTION.exec(this.src)?.[0];
    if (head === undefined) return false;
    const name = /^[^ \t(]+/.exec(head)?.[0] ?? '';
    if (DECLARATION.has(name)) throw OUTSIDE;
    this.pos += head.length;
    return true;
  }

  /** The compound command after its keyword; the walk visits its parts in source order. */
  private compound(keyword: string): void {
    switch (keyword) {
      case '{':
        this.list(['}']);
        this.expect('}');
        return;
      case 'if':
        this.body('then');
        this.expect('then');
        this.body('fi', 'elif', 'else');
        while (this.peekKeyword() === 'elif') {
          this.pos += 4;
          this.body('then');
          this.expect('then');
          this.body('fi', 'elif', 'else');
        }
        if (this.peekKeyword() === 'else') {
          this.pos += 4;
          this.body('fi');
        }
        this.expect('fi');
        return;
      case 'while':
      case 'until':
        this.body('do');
        this.expect('do');
        this.body('done');
        this.expect('done');
        return;
      case 'for':
        this.forHead();
        this.expect('do');
        this.body('done');
        this.expect('done');
        return;
      default:
        this.caseClause();
    }
  }

  /**
   * A list after a keyword (mvdan-sh's followStmts): a lone `;` stands for an empty one, and a list
   * may only be empty after a newline.
   */
  private body(...stops: string[]): void {
    this.skipBlanks();
    if (this.src[this.pos] === ';' && this.caseEnd() === 0) {
      this.pos++;
      this.skipBlanks();
      return;
    }
    const newline = this.skipNewlines();
    if (this.list(stops) === 0 && !newline) throw OUTSIDE;
  }

  /** `for NAME`, then `in WORDS` and `;` or a newline, up to `do`. */
  private forHead(): void {
    this.skipBlanks();
    NAME.lastIndex = this.pos;
    const name = NAME.exec(this.src)?.[0];
    if (name === undefined) throw OUTSIDE;
    this.pos += name.length;
    this.skipBlanks();
    if (this.src[this.pos] === ';' && this.caseEnd() === 0) {
      this.pos++;
      this.skipNewlines();
      return;
    }
    this.skipNewlines();
    if (this.peekKeyword() !== 'in') return;
    this.pos += 2;
    for (;;) {
      this.skipBlanks();
      const c = this.src[this.pos];
      if (c === undefined || /[\n;&|)#]/.test(c) || (c === '`' && this.inBackquote)) break;
      if (!this.atWord() || this.word().fd) throw OUTSIDE;
    }
    if (this.src[this.pos] === ';' && this.caseEnd() === 0) this.pos++;
    this.skipNewlines();
  }

  /** `case WORD in`, items `PATTERN|…) LIST ;;`, `esac`. */
  private caseClause(): void {
    if (this.inBackquote) throw OUTSIDE;
    this.skipBlanks();
    this.caseWord();
    this.skipNewlines();
    this.expect('in');
    this.skipNewlines();
    while (this.peekKeyword() !== 'esac') {
      if (this.src[this.pos] === '(') this.pos++;
      for (;;) {
        this.skipBlanks();
        this.caseWord();
        this.skipBlanks();
        if (this.src[this.pos] === ')') break;
        if (this.src[this.pos] !== '|' || this.src[this.pos + 1] === '|') throw OUTSIDE;
        this.pos++;
      }
      this.pos++;
      this.nested({ parenCloses: false, caseItem: true }, ['esac']);
      const end = this.caseEnd();
      if (end === 0) break;
      this.pos += end;
      this.skipNewlines();
    }
    this.expect('esac');
  }

  /** The word of a case clause or one of its patterns. */
  private caseWord(): void {
    if (!this.atWord() || this.word().fd) throw OUTSIDE;
  }
}
