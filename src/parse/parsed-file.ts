import type { InputDocument } from './input-document.js';

/** A line range, 1-based and inclusive. */
export interface LineRange {
  readonly startLine: number;
  readonly endLine: number;
  /**
   * The workspace-relative file the lines are in, when not the file being checked (a compose value set
   * by an `extends` base, an `include`d file or an override file). Absent means the checked file.
   */
  readonly path?: string;
}

/** A YAML path: mapping keys and sequence indices from the document root. */
export type NodePath = readonly (string | number)[];

/** What a parser returns for one file: the policy input plus a way back to source lines. */
export interface ParsedFile {
  readonly document: InputDocument;
  /**
   * The line range of the node at `path` (for compose: the key's line through the end of its value),
   * or of its nearest existing ancestor when the path runs past what the file has. Undefined only for
   * an empty path on an empty document.
   */
  locate(path: NodePath): LineRange | undefined;
  /**
   * The lines of another file the document was built from (a compose project's override, `extends` or
   * `include` file), for reading its suppression comments; undefined for a file it was not built from.
   */
  linesOf?(path: string): readonly string[] | undefined;
}
