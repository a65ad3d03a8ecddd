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
  /**
   * Dockerfiles written inside the file (a compose service's `build.dockerfile_inline`), each parsed on
   * its own or with the reason it could not be: the evaluate stage checks them with the Dockerfile rules
   * and reports their findings in this file.
   */
  readonly embedded?: readonly EmbeddedDockerfile[];
}

/**
 * A compose service's inline Dockerfile (`build.dockerfile_inline`), the one `docker compose build`
 * builds the service from. Its line k (1-based) is line `firstLine + k - 1` of the compose file at
 * `path` when the content's lines are the file's lines one for one (a block scalar); otherwise every
 * line of it is reported at `keyLine`, the line of the `dockerfile_inline` key.
 */
export interface EmbeddedDockerfile {
  readonly service: string;
  /** The compose file the value is written in (an override, `extends` or `include`d file, possibly). */
  readonly path: string;
  readonly keyLine: number;
  readonly firstLine?: number;
  /** The Dockerfile parsed (its document's path is the compose file's), or why it is refused, at a line of the compose file. */
  readonly parsed?: ParsedFile;
  readonly error?: { readonly line: number; readonly message: string };
}
