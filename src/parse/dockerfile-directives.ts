import type { DockerfileDirective } from './input-document.js';
import { ParseError } from './parse-error.js';
import { leadingSpaceLength } from './dockerfile-value.js';

// BuildKit's directiveRegexp (parser/directives.go), read after `#` and the white space that follows it.
// Go's \s is [\t\n\f\r ], and its `.` is anything but a newline.
const DIRECTIVE = /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*([^\n]+?)[\t\n\f\r ]*$/;
// The only names BuildKit knows; any other name ends the directives, as an ordinary comment does.
const KNOWN = new Set(['syntax', 'escape', 'check']);

/**
 * The parser directives (`# syntax=`, `# escape=`, `# check=`) as BuildKit reads them: from the top of
 * the file, each line `# name=value` naming one of them, until the first line that is not one (an
 * instruction, a blank line, any other comment, an unknown name such as `# note=x` or `# syntax-x=1`);
 * a directive after that is an ordinary comment. Throws a ParseError where BuildKit refuses the file: a
 * directive given twice, or an escape character other than `\` or `` ` ``.
 */
export function parseDirectives(path: string, lines: readonly string[]): DockerfileDirective[] {
  const directives: DockerfileDirective[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    // BuildKit trims the line before looking for `#`, and the comment's text after it.
    const afterHash = leadingSpaceLength(line);
    if (line[afterHash] !== '#') break;
    const text = line.slice(afterHash + 1);
    const match = DIRECTIVE.exec(text.slice(leadingSpaceLength(text)));
    const name = match?.[1]?.toLowerCase() ?? '';
    if (!match || !KNOWN.has(name)) break;
    const value = match[2] ?? '';
    if (directives.some((directive) => directive.name === name)) {
      throw new ParseError(path, i + 1, `only one ${name} parser directive can be used; Docker refuses to build this file. Remove the repeated directive.`);
    }
    if (name === 'escape' && value !== '\\' && value !== '`') {
      throw new ParseError(path, i + 1, `the escape directive names ${JSON.stringify(value)}; Docker refuses to build this file, as the escape character can only be \\ or \`. Fix the value.`);
    }
    directives.push({ name, value, line: i + 1 });
  }
  return directives;
}

/** The escape character the directives set: `\` unless `# escape=`` ` ``. */
export function escapeOf(directives: readonly DockerfileDirective[]): string {
  const value = directives.find((d) => d.name === 'escape')?.value;
  return value === '`' ? '`' : '\\';
}
