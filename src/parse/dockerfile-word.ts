/**
 * A variable's value where a word is expanded: undefined when it is not known before the build; null when
 * nothing in the Dockerfile sets it but it may be set from outside (a builder's own argument, a base
 * image's environment): a default form (`${V:-w}`) then gives its default, the name alone is not known.
 */
export type Lookup = (name: string) => string | null | undefined;

export interface ExpandedWord {
  readonly value: string;
  /**
   * True when the result depends on a value not known before the build, or when BuildKit would refuse
   * the word (an unclosed quote or brace, `${V:?}` of an empty value): the word then says nothing.
   */
  readonly unresolved: boolean;
  /** Set when BuildKit would refuse the word (its build fails), as opposed to only not knowing a value. */
  readonly refused?: true;
}

const DIGIT = /\d/u;
const NAME_CHAR = /[\p{L}\p{N}_]/u;
// POSIX special parameters, read as one-character names as BuildKit does (never set in a Dockerfile).
const SPECIAL = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);

/**
 * Expands one word of an instruction as BuildKit's shell lexer (frontend/dockerfile/shell/lex.go,
 * ProcessWord) does for USER, WORKDIR and the like: quotes removed (`'...'` literal, `"..."` expanded),
 * the escape character taking the next character literally, `$V`, `${V}`, `${V-w}`, `${V:-w}`, `${V+w}`,
 * `${V:+w}`, `${V?w}` and `${V:?w}`. Pattern forms (`${V#p}`, `${V%p}`, `${V/p/r}`) are not worked out:
 * they make the word unresolved.
 */
export function expandWord(word: string, lookup: Lookup, escape = '\\'): ExpandedWord {
  const reader = new WordReader(word, lookup, escape);
  const value = reader.until(null, false);
  return reader.failed ? { value: '', unresolved: true, refused: true } : { value, unresolved: reader.unresolved };
}

class WordReader {
  pos = 0;
  unresolved = false;
  failed = false;

  constructor(
    private readonly word: string,
    private readonly lookup: Lookup,
    private readonly escape: string,
  ) {}

  /** The text up to `stop` (consumed) or the end; a missing `stop` is a syntax error. */
  until(stop: string | null, rawEscapes: boolean): string {
    const { word, escape } = this;
    let out = '';
    while (this.pos < word.length && !this.failed) {
      const ch = word[this.pos] ?? '';
      if (stop !== null && ch === stop) {
        this.pos++;
        return out;
      }
      if (ch === '$') out += this.dollar();
      else if (ch === "'") out += this.singleQuoted();
      else if (ch === '"') out += this.doubleQuoted();
      else {
        this.pos++;
        if (ch === escape) {
          if (rawEscapes) out += ch;
          if (this.pos >= word.length) break;
          out += word[this.pos++];
        } else out += ch;
      }
    }
    if (stop !== null) this.failed = true;
    return out;
  }

  private singleQuoted(): string {
    const close = this.word.indexOf("'", this.pos + 1);
    if (close < 0) {
      this.failed = true;
      return '';
    }
    const text = this.word.slice(this.pos + 1, close);
    this.pos = close + 1;
    return text;
  }

  private doubleQuoted(): string {
    const { word, escape } = this;
    let out = '';
    this.pos++;
    while (!this.failed) {
      if (this.pos >= word.length) {
        this.failed = true;
        break;
      }
      const ch = word[this.pos] ?? '';
      if (ch === '"') {
        this.pos++;
        break;
      }
      if (ch === '$') {
        out += this.dollar();
        continue;
      }
      this.pos++;
      // Inside double quotes the escape character escapes only `"`, `$` and itself; elsewhere it stays.
      const next = word[this.pos];
      if (ch === escape && (next === '"' || next === '$' || next === escape)) {
        out += next;
        this.pos++;
      } else if (!(ch === escape && next === undefined)) out += ch;
    }
    return out;
  }

  private dollar(): string {
    const { word } = this;
    this.pos++;
    if (word[this.pos] !== '{') {
      const name = this.name();
      return name === '' ? '$' : this.value(name);
    }
    this.pos++;
    const first = word[this.pos];
    if (first === undefined || first === '{' || first === '}' || first === ':') return this.fail();
    const name = this.name();
    let operator = word[this.pos++] ?? '';
    if (operator === '}') return this.value(name);
    const nullIsUnset = operator === ':';
    if (nullIsUnset) operator = word[this.pos++] ?? '';
    if (operator === '-' || operator === '+' || operator === '?') return this.alternative(name, operator, nullIsUnset);
    if (operator === '#' || operator === '%' || (operator === '/' && !nullIsUnset)) {
      if (nullIsUnset) return this.fail();
      if (operator === '/') this.until('/', true);
      this.until('}', true);
      this.unresolved = true;
      return '';
    }
    return this.fail();
  }

  /** `${V-w}`, `${V+w}`, `${V?w}` and their `:` forms, which also treat an empty value as unset. */
  private alternative(name: string, operator: string, nullIsUnset: boolean): string {
    const before = this.unresolved;
    this.unresolved = false;
    const alternative = this.until('}', false);
    const alternativeUnresolved = this.unresolved;
    this.unresolved = before;
    const value = this.lookup(name);
    // `${V?w}` of a name set from outside or not at all: BuildKit's verdict is not known here.
    if (value === undefined || (value === null && operator === '?')) {
      this.unresolved = true;
      return '';
    }
    const set = value !== null && !(nullIsUnset && value === '');
    if (operator === '?') return set ? value : this.fail();
    const useAlternative = operator === '-' ? !set : set;
    if (!useAlternative) return operator === '-' ? (value ?? '') : '';
    this.unresolved ||= alternativeUnresolved;
    return alternative;
  }

  private value(name: string): string {
    const value = this.lookup(name);
    if (value === undefined || value === null) this.unresolved = true;
    return value ?? '';
  }

  private name(): string {
    const { word } = this;
    const start = this.pos;
    const first = word[start] ?? '';
    if (DIGIT.test(first)) {
      while (DIGIT.test(word[this.pos] ?? '')) this.pos++;
    } else if (SPECIAL.has(first)) {
      this.pos++;
    } else {
      while (NAME_CHAR.test(word[this.pos] ?? '')) this.pos++;
    }
    return word.slice(start, this.pos);
  }

  private fail(): string {
    this.failed = true;
    return '';
  }
}
