/** A template `docker compose` would refuse: bad syntax, or a required variable without a value. */
export class InterpolationError extends Error {}

/** What interpolating one string gave: the text compose runs, and the variables nothing sets that it read as blank. */
export interface Interpolated {
  readonly value: string;
  readonly unresolved: readonly string[];
}

/** A variable's value, or undefined when nothing (the .env file, the configuration) sets it. */
export type Lookup = (name: string) => string | undefined;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Interpolates `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`,
 * `${VAR:+alt}`, `${VAR+alt}` (defaults may nest templates) and `$$` as compose does. A variable nothing
 * sets is blank, as compose-go makes it (template.go: "Defaulting to a blank string"), so `pid: host${X}`
 * is judged as the `host` that `docker compose up` runs; it is listed in `unresolved`, so a rule can still
 * tell a value that came from an unset variable (an image tag) from one written out. `:-`/`-` use their
 * default, `:+`/`+` give blank, as compose does with the variable unset, and `:?`/`?` throw, as compose
 * refuses the file. `keepUnset` keeps each unset variable's template as written instead of blank: the
 * value compose would read had the variable been set, for a field whose blank compose refuses.
 */
export function interpolate(text: string, lookup: Lookup, keepUnset = false): Interpolated {
  if (!text.includes('$')) return { value: text, unresolved: [] };
  const unresolved: string[] = [];
  const value = expand(text, lookup, unresolved, keepUnset);
  return { value, unresolved: [...new Set(unresolved)] };
}

function expand(text: string, lookup: Lookup, unresolved: string[], keep: boolean): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, dollar);
    const next = text[dollar + 1];
    if (next === '$') {
      out += '$';
      i = dollar + 2;
    } else if (next === '{') {
      const close = matchingBrace(text, dollar + 2);
      if (close < 0) throw new InterpolationError(`invalid interpolation format "${text.slice(dollar)}": the "\${" is never closed. Close it with "}", or write "$$" for a literal "$".`);
      out += substitute(text.slice(dollar, close + 1), text.slice(dollar + 2, close), lookup, unresolved, keep);
      i = close + 1;
    } else {
      const name = NAME.exec(text.slice(dollar + 1))?.[0];
      if (name === undefined) {
        // compose keeps a lone "$" before anything that cannot start a name.
        out += '$';
        i = dollar + 1;
        continue;
      }
      const found = lookup(name);
      if (found === undefined) unresolved.push(name);
      out += found ?? (keep ? `$${name}` : '');
      i = dollar + 1 + name.length;
    }
  }
  return out;
}

/** Index of the `}` closing a `${` whose body starts at `from`, counting nested `${`; -1 when none. */
function matchingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '$') i++;
    else if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function substitute(whole: string, body: string, lookup: Lookup, unresolved: string[], keep: boolean): string {
  const name = NAME.exec(body)?.[0];
  if (name === undefined) throw new InterpolationError(`invalid interpolation format "${whole}": a variable name must start with a letter or "_".`);
  const rest = body.slice(name.length);
  const value = lookup(name);
  if (rest === '') {
    if (value === undefined) unresolved.push(name);
    return value ?? (keep ? whole : '');
  }
  const op = /^(:-|-|:\?|\?|:\+|\+)/.exec(rest)?.[0];
  if (op === undefined) throw new InterpolationError(`invalid interpolation format "${whole}": after the name, expected "}", ":-", "-", ":?", "?", ":+" or "+".`);
  const arg = rest.slice(op.length);
  const empty = value === undefined || (op.startsWith(':') && value === '');
  switch (op) {
    case ':-':
    case '-':
      return empty ? expand(arg, lookup, unresolved, keep) : (value as string);
    case ':?':
    case '?':
      if (empty) {
        throw new InterpolationError(`required variable ${name} is missing a value${arg ? `: ${expand(arg, lookup, [], keep)}` : ''}. Set it in the .env file beside the compose file or in the configured variables.`);
      }
      return value as string;
    default:
      // `:+`/`+` with the variable unset: blank, and marked, since setting it would give the alternative.
      if (value === undefined) {
        unresolved.push(name);
        return keep ? whole : '';
      }
      return empty ? '' : expand(arg, lookup, unresolved, keep);
  }
}
