import type { FileKind } from '../model.js';

/** Which file names count as which kind. Each list holds globs; see `matchesPattern`. */
export interface FilePatterns {
  readonly dockerfile: readonly string[];
  readonly compose: readonly string[];
}

/** The names Docker and Podman build from, and the names `docker compose` looks for, plus common variants. */
export const DEFAULT_PATTERNS: FilePatterns = {
  dockerfile: ['Dockerfile', 'Dockerfile.*', '*.Dockerfile', '*.dockerfile', 'Containerfile', 'Containerfile.*'],
  compose: [
    'compose.yaml',
    'compose.yml',
    'compose.*.yaml',
    'compose.*.yml',
    'docker-compose*.yaml',
    'docker-compose*.yml',
  ],
};

/**
 * Matches a workspace-relative path against a glob. A pattern without `/` is matched against the
 * file's base name, so `Dockerfile.*` finds `services/api/Dockerfile.prod`; a pattern with `/` is
 * matched against the whole path, where `**` spans directories and `*` stays within one.
 */
export function matchesPattern(path: string, pattern: string): boolean {
  const subject = pattern.includes('/') ? path : path.slice(path.lastIndexOf('/') + 1);
  return globToRegExp(pattern).test(subject);
}

/** The kind a path is checked as, or undefined when no pattern matches. Dockerfile patterns win ties. */
export function classifyPath(path: string, patterns: FilePatterns): FileKind | undefined {
  if (patterns.dockerfile.some((p) => matchesPattern(path, p))) return 'dockerfile';
  if (patterns.compose.some((p) => matchesPattern(path, p))) return 'compose';
  return undefined;
}

const regexCache = new Map<string, RegExp>();

function globToRegExp(pattern: string): RegExp {
  const cached = regexCache.get(pattern);
  if (cached) return cached;
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '*' && pattern[i + 1] === '*') {
      // `**/` matches zero or more whole directories; a trailing `**` matches the rest.
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') {
      source += '[^/]*';
    } else if (ch === '?') {
      source += '[^/]';
    } else {
      source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  // `s`: `**` must match a newline or carriage return in a name like any other character, or a file
  // so named is never checked; `u`: `?` is one character, not half of a surrogate pair.
  const compiled = new RegExp(`^${source}$`, 'su');
  regexCache.set(pattern, compiled);
  return compiled;
}
