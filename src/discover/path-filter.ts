import { UserError } from '../errors.js';

/**
 * Which workspace paths are in scope, written as `@actions/glob` patterns relative to the workspace:
 * `*` and `?` stay within a directory, `**` spans any number of them (dot-directories included),
 * `[...]` is a character class, a leading `!` excludes, `#` starts a comment, later lines override
 * earlier ones, and a pattern that names a directory takes in everything below it.
 */
export interface PathScope {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

/** Everything in the workspace, nothing left out. */
export const DEFAULT_SCOPE: PathScope = { include: ['**'], exclude: [] };

interface CompiledPattern {
  readonly negate: boolean;
  /** Matches the path itself (absent for a directory-only pattern ending in `/`). */
  readonly self?: RegExp;
  /** Matches the descendants of what the pattern names (`@actions/glob`'s implicit descendants). */
  readonly descendants?: RegExp;
}

/**
 * Compiles include and exclude lines into a predicate over workspace-relative, forward-slash paths,
 * evaluated as `@actions/glob` evaluates its pattern list with exclude lines appended as `!` lines.
 * Patterns that could reach outside the workspace (absolute, `..`) are refused.
 */
export function compilePathScope(scope: PathScope): (path: string) => boolean {
  const lines = [...scope.include, ...scope.exclude.map((p) => (p.trim() === '' || p.trim().startsWith('#') ? p : `!${p.trim()}`))];
  const patterns: CompiledPattern[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    patterns.push(compileLine(line));
  }
  return (path) => {
    let matched = false;
    for (const p of patterns) {
      const hit = (p.self?.test(path) ?? false) || (p.descendants?.test(path) ?? false);
      if (p.negate) matched = matched && !hit;
      else matched = matched || hit;
    }
    return matched;
  };
}

function compileLine(line: string): CompiledPattern {
  let negate = false;
  let body = line;
  while (body.startsWith('!')) {
    negate = !negate;
    body = body.slice(1).trim();
  }
  const original = line;
  if (body.startsWith('/') || /^[A-Za-z]:/.test(body) || body.startsWith('~')) {
    throw new UserError(`Invalid path pattern "${original}": patterns are relative to the workspace; drop the leading ${body[0]}.`);
  }
  body = body.replace(/^(\.\/)+/, '');
  const directoryOnly = body.endsWith('/');
  const segments = body.split('/').filter((s) => s !== '');
  if (body === '.' || body === '') return { negate, descendants: /^/ };
  if (segments.some((s) => s === '..' || s === '.')) {
    throw new UserError(`Invalid path pattern "${original}": "." and ".." segments are not allowed.`);
  }
  const last = segments[segments.length - 1];
  const self = directoryOnly ? undefined : new RegExp(`^${segmentsToSource(segments)}$`, GLOB_FLAGS);
  const descendants = last === '**' && !directoryOnly ? undefined : new RegExp(`^${segmentsToSource([...segments, '**'])}$`, GLOB_FLAGS);
  return { negate, ...(self ? { self } : {}), ...(descendants ? { descendants } : {}) };
}

/**
 * `s`: a name may hold a newline or carriage return, and a `*`, `?` or `**` must match it as it
 * matches any other character, or a file so named falls out of scope and is never checked.
 * `u`: `?` is one character, not half of a surrogate pair.
 */
const GLOB_FLAGS = 'su';

/** Joins segment expressions with `/`, letting a `**` segment stand for zero or more directories. */
function segmentsToSource(segments: readonly string[]): string {
  let source = '';
  segments.forEach((segment, i) => {
    const isLast = i === segments.length - 1;
    if (segment === '**') {
      // Zero or more whole segments; never the `.`/`..` segments a workspace path cannot contain anyway.
      source += isLast ? '.*' : '(?:[^/]+/)*';
    } else {
      source += segmentToSource(segment) + (isLast ? '' : '/');
    }
  });
  return source;
}

function segmentToSource(segment: string): string {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i] as string;
    if (ch === '\\' && i + 1 < segment.length) {
      source += escapeRegExp(segment[++i] as string);
    } else if (ch === '*') {
      source += '[^/]*';
    } else if (ch === '?') {
      source += '[^/]';
    } else if (ch === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close === -1) {
        source += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      source += `[${negated ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else {
      source += escapeRegExp(ch);
    }
  }
  return source;
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
