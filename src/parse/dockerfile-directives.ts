import type { DockerfileDirective } from './input-document.js';

// `# name=value` at the very top of the file; BuildKit stops looking at the first other line.
const DIRECTIVE = /^#\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(.*?)\s*$/;

/**
 * The parser directives (`# syntax=`, `# escape=`, `# check=`): the comment lines of the form
 * `# name=value` at the top of the file, before any blank line, other comment or instruction.
 */
export function parseDirectives(lines: readonly string[]): DockerfileDirective[] {
  const directives: DockerfileDirective[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = DIRECTIVE.exec(lines[i] ?? '');
    if (!match) break;
    directives.push({ name: (match[1] ?? '').toLowerCase(), value: match[2] ?? '', line: i + 1 });
  }
  return directives;
}

/** The escape character the directives set: `\` unless `# escape=`` ` ``. */
export function escapeOf(directives: readonly DockerfileDirective[]): string {
  const value = directives.find((d) => d.name === 'escape')?.value;
  return value === '`' ? '`' : '\\';
}
