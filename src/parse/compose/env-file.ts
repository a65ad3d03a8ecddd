import { interpolate, type Lookup } from './interpolate.js';

/** A `.env` line compose would refuse; `line` is 1-based. */
export class EnvFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** What one env file line set: the value, its 1-based line, and the variables left unresolved in it. */
export interface EnvFileEntry {
  readonly value: string;
  readonly line: number;
  readonly unresolved: readonly string[];
}

/**
 * Parses a `.env` file as compose reads one: `KEY=VALUE` (an optional `export ` prefix), blank lines
 * and `#` comments skipped, a ` #` comment after an unquoted value dropped, single quotes literal,
 * double quotes with `\n`-style escapes; unquoted and double-quoted values interpolate earlier keys and
 * `outer` (configured variables win over the file, as the shell does over `.env` for compose). Each key
 * keeps the line it was set on (a later line wins, as in compose).
 */
export function parseEnvFileLines(text: string, outer: Lookup): Map<string, EnvFileEntry> {
  const located = new Map<string, EnvFileEntry>();
  const values = {
    get: (name: string) => located.get(name)?.value,
    set: (name: string, { value, unresolved }: { value: string; unresolved: readonly string[] }) => located.set(name, { value, line: start, unresolved }),
  };
  let start = 0;
  const lookup: Lookup = (name) => outer(name) ?? values.get(name);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || line.startsWith('#')) continue;
    start = i + 1;
    const match = /^(?:export\s+)?([A-Za-z_.][A-Za-z0-9_.\-[\]]*)\s*(?:([=:])\s?(.*))?$/.exec(line);
    if (!match) throw new EnvFileError(i + 1, `"${line.slice(0, 60)}" is not a KEY=VALUE line. Quote the value, or start the line with "#" to make it a comment.`);
    const key = match[1] as string;
    if (match[2] === undefined) continue; // a bare KEY takes its value from the environment, which PR time does not have
    let raw = match[3] ?? '';
    const quote = raw[0];
    if (quote === "'" || quote === '"') {
      const opened = i + 1;
      let end = raw.indexOf(quote, 1);
      // A double-quoted value may run over several lines.
      while (quote === '"' && end >= 0 && raw[end - 1] === '\\') end = raw.indexOf(quote, end + 1);
      while (end < 0 && i + 1 < lines.length) {
        raw += '\n' + (lines[++i] ?? '');
        end = raw.indexOf(quote, 1);
      }
      if (end < 0) throw new EnvFileError(opened, `the value of ${key} opens a ${quote} quote that is never closed.`);
      const inner = raw.slice(1, end);
      values.set(key, quote === "'" ? { value: inner, unresolved: [] } : interpolate(unescape(inner), lookup));
    } else {
      raw = raw.replace(/\s+#.*$/, '').trim();
      values.set(key, interpolate(raw, lookup));
    }
  }
  return located;
}

/**
 * Parses an env file of `format: raw` as docker compose reads one (with `docker run --env-file`'s
 * parser): blank lines and `#` comments skipped, `KEY=VALUE` split at the first `=` with the value kept
 * exactly as written (quotes, `$`, trailing spaces and all: nothing is interpolated, so nothing is left
 * unknown), and a bare `KEY` taken from `lookup` or skipped when that has no value.
 */
export function parseRawEnvFileLines(text: string, lookup: Lookup): Map<string, EnvFileEntry> {
  const located = new Map<string, EnvFileEntry>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/^[ \t]+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (key === '') throw new EnvFileError(i + 1, 'the line has no variable name before "=". Write KEY=VALUE, or start the line with "#" to make it a comment.');
    if (/[ \t]/.test(key)) throw new EnvFileError(i + 1, `the variable name "${key.slice(0, 60)}" holds a space, which docker compose refuses in a raw env file. Remove it.`);
    const value = eq < 0 ? lookup(key) : line.slice(eq + 1);
    if (value !== undefined) located.set(key, { value, line: i + 1, unresolved: [] });
  }
  return located;
}

function unescape(text: string): string {
  return text.replace(/\\([nrt"\\$])/g, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c as 'n'] ?? (c === '$' ? '$$' : c));
}
