/**
 * Values of build arguments in scope: a string when known, undefined when declared or used without one.
 * A name `has` does not know is unset (a view may know every name, for scopes where none is certain).
 */
export type ArgValues = Pick<ReadonlyMap<string, string | undefined>, 'get' | 'has'>;

export interface Substituted {
  readonly value: string;
  /** True when a variable the result depends on has no known value. */
  readonly unresolved: boolean;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Expands `$VAR`, `${VAR}`, `${VAR:-word}`, `${VAR-word}`, `${VAR:+word}` and `${VAR+word}` as BuildKit does
 * in FROM, using only values known from the Dockerfile itself. A variable without a known value makes the
 * result unresolved (it would come from `--build-arg` or the builder), except where a `-` form supplies a
 * default or a `+` form yields nothing for an unset variable. `escape` before `$` keeps it literal.
 */
export function substituteArgs(text: string, values: ArgValues, escape = '\\'): Substituted {
  let out = '';
  let unresolved = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === escape && text[i + 1] === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (ch !== '$') {
      out += ch;
      i++;
      continue;
    }
    const expansion = expandAt(text, i + 1, values, escape);
    if (expansion === null) {
      out += '$';
      i++;
      continue;
    }
    out += expansion.value;
    unresolved ||= expansion.unresolved;
    i = expansion.next;
  }
  return { value: out, unresolved };
}

interface Expansion extends Substituted {
  readonly next: number;
}

/** Expands the variable reference starting just after a `$`, or returns null when none starts there. */
function expandAt(text: string, start: number, values: ArgValues, escape: string): Expansion | null {
  if (text[start] !== '{') {
    const name = NAME.exec(text.slice(start))?.[0];
    if (name === undefined) return null;
    return { ...lookUp(values, name), next: start + name.length };
  }
  const close = findClosingBrace(text, start + 1);
  if (close < 0) return null;
  const body = text.slice(start + 1, close);
  const name = NAME.exec(body)?.[0];
  if (name === undefined) return null;
  const next = close + 1;
  const operator = /^(:?[-+])/.exec(body.slice(name.length))?.[0];
  if (operator === undefined) {
    // `${VAR}` alone; anything else (`${VAR#x}`, `${VAR/a/b}`) is not worth guessing at.
    return body.length === name.length ? { ...lookUp(values, name), next } : { value: '', unresolved: true, next };
  }
  const word = substituteArgs(body.slice(name.length + operator.length), values, escape);
  const known = values.get(name);
  if (values.has(name) && known === undefined) {
    // Declared without a default: its value comes from --build-arg, so the outcome is unknown.
    return { value: '', unresolved: true, next };
  }
  const set = known !== undefined;
  const useValue = operator.startsWith(':') ? set && known !== '' : set;
  if (operator.endsWith('-')) return useValue ? { value: known ?? '', unresolved: false, next } : { ...word, next };
  return useValue ? { ...word, next } : { value: '', unresolved: false, next };
}

function lookUp(values: ArgValues, name: string): Substituted {
  const value = values.get(name);
  return value === undefined ? { value: '', unresolved: true } : { value, unresolved: false };
}

function findClosingBrace(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}
