import { UserError } from '../errors.js';

/**
 * A file the user can fix: it is not text, not a Dockerfile, not valid YAML, not a compose mapping.
 * The message says what is wrong and how to fix it; `path` and `line` say where, so the run can report
 * it as a `parse` CheckError on that line.
 */
export class ParseError extends UserError {
  readonly path: string;
  /** 1-based line the problem is on, when there is one. */
  readonly line: number | undefined;

  constructor(path: string, line: number | undefined, message: string) {
    super(line === undefined ? `${path}: ${message}` : `${path}:${line}: ${message}`);
    this.path = path;
    this.line = line;
  }
}
