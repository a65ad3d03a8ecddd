/**
 * The input documents the policies see. These shapes are the contract between the TypeScript parsers
 * and the Rego rules in policies/: a field renamed here must be renamed there.
 */

/** An image reference split into parts so rules never do string surgery in Rego. */
export interface ImageRef {
  /** The reference as written after ARG substitution, e.g. `node:20-alpine`. */
  readonly raw: string;
  /** Registry host; `docker.io` when none is written. */
  readonly registry: string;
  /** Repository path, with `library/` added for single-name Docker Hub images. */
  readonly repository: string;
  /** Tag as written, or null when the reference has none (Docker then pulls `latest`). */
  readonly tag: string | null;
  /** Digest (`sha256:...`) or null. */
  readonly digest: string | null;
}

/** One `--name=value` flag of an instruction, in the order written. */
export interface DockerfileFlag {
  readonly name: string;
  /** `""` when written without a value. */
  readonly value: string;
}

/** One Dockerfile instruction with its source position. Lines are 1-based and inclusive. */
export interface DockerfileInstruction {
  readonly index: number;
  /** Upper-cased keyword (`FROM`, `RUN`, ...), whatever case was written. */
  readonly keyword: string;
  /** `--name=value` flags before the arguments, value `""` when written without one. */
  readonly flags: Readonly<Record<string, string>>;
  /**
   * Every flag in order, repeats included (`RUN --mount=... --mount=...`), where `flags` keeps the last
   * value per name. Added by the parse stage; optional so hand-built inputs need not set it.
   */
  readonly flagList?: readonly DockerfileFlag[];
  /** Arguments split as the Dockerfile parser splits them (flags excluded). */
  readonly args: readonly string[];
  /** The text after the keyword and flags, continuation lines joined with a space. */
  readonly value: string;
  /** Exactly the source lines of the instruction, joined with `\n`. */
  readonly original: string;
  readonly startLine: number;
  readonly endLine: number;
  /** Index of the stage the instruction belongs to; -1 for ARGs before the first FROM. */
  readonly stage: number;
}

export interface DockerfileStage {
  readonly index: number;
  /** `AS name`, lower-cased as BuildKit compares it, or null. */
  readonly name: string | null;
  /** The FROM instruction's line. A finding about something missing in a stage points here. */
  readonly fromLine: number;
  readonly startLine: number;
  readonly endLine: number;
  /** The base as written, e.g. `${BASE}`. */
  readonly baseRaw: string;
  /** The base after substituting global ARG defaults. */
  readonly baseResolved: string;
  /** True when a variable in the base could not be resolved; rules must then not guess. */
  readonly baseUnresolved: boolean;
  /** Index of an earlier stage this one builds on, or null when the base is an image. */
  readonly baseStage: number | null;
  /** The parsed image reference, or null when the base is a stage, `scratch` or unresolved. */
  readonly image: ImageRef | null;
  /** True for the stage a plain `docker build` produces (the last one). */
  readonly isFinal: boolean;
  /** Indices into `instructions` of the stage's own instructions, FROM included. */
  readonly instructions: readonly number[];
}

export interface DockerfileDocument {
  readonly kind: 'dockerfile';
  readonly path: string;
  /** The file's lines, without line terminators. */
  readonly lines: readonly string[];
  readonly instructions: readonly DockerfileInstruction[];
  readonly stages: readonly DockerfileStage[];
  /** Index of the final stage, or -1 when there is no FROM. */
  readonly finalStage: number;
}

/**
 * A compose file: the YAML as plain data. Rules locate findings by returning the YAML path of the
 * offending node (`["services", "web", "privileged"]`); the evaluate stage maps paths to lines.
 */
export interface ComposeDocument {
  readonly kind: 'compose';
  readonly path: string;
  readonly lines: readonly string[];
  /** The parsed top-level mapping (anchors and merge keys resolved). */
  readonly data: Readonly<Record<string, unknown>>;
}

export type InputDocument = DockerfileDocument | ComposeDocument;
