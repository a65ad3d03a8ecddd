/**
 * The shared vocabulary of the pipeline: what each stage hands to the next.
 * Stages import types from here and from earlier stages only.
 */

/** Kinds of file the action understands; each has a parser and a policy entrypoint. */
export type FileKind = 'dockerfile' | 'compose';

/** How bad a finding is. `deny` fails the gate by default; `warn` is advisory. */
export type Severity = 'deny' | 'warn';

/** Compliance framework keys used in rule metadata and reports. */
export type FrameworkId = 'cis-docker' | 'nist-800-190' | 'owasp-docker' | 'pci-dss' | 'soc2';

/** Control ids per framework, e.g. `{ "cis-docker": ["4.1"], "soc2": ["CC6.1"] }`. */
export type ComplianceMap = Partial<Record<FrameworkId, readonly string[]>>;

/** A file selected for checking, path relative to the workspace root with forward slashes. */
export interface TargetFile {
  readonly path: string;
  readonly kind: FileKind;
  /**
   * For a compose file that belongs to a project (a base file and its overrides, or a configured
   * list): every file of the project in merge order, this one included. Discovery sets it.
   */
  readonly project?: readonly string[];
}

/** A finding produced by a rule, located in a file. Lines are 1-based and inclusive. */
export interface Finding {
  readonly ruleId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly kind: FileKind;
  readonly path: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly message: string;
  readonly remediation: string;
  readonly compliance: ComplianceMap;
  /** Equivalent rule ids in other tools, e.g. `{ hadolint: ["DL3002"] }`. */
  readonly aliases: Readonly<Record<string, readonly string[]>>;
}

/** Why a file (or the run) could not be checked. Every error fails the run unless explicitly allowed. */
export type ErrorKind = 'read' | 'parse' | 'policy' | 'discover' | 'config';

export interface CheckError {
  readonly kind: ErrorKind;
  /** Workspace-relative path of the file concerned; absent for run-wide errors. */
  readonly path?: string;
  readonly line?: number;
  readonly message: string;
}

export type Verdict = 'pass' | 'fail';

/** A finding that a suppression comment, a configured exclusion or a disabled rule took out of the verdict. */
export interface SuppressedFinding {
  readonly finding: Finding;
  /** How it was suppressed. */
  readonly by: 'comment' | 'exclusion' | 'config';
  /** The reason the user gave (required unless configured otherwise). */
  readonly reason: string;
  /** Where the suppression was written: `path:line` for a comment, the configuration key for the rest. */
  readonly source: string;
}

/** Everything the report and verdict stages need about one run. */
export interface ScanResult {
  readonly files: readonly TargetFile[];
  readonly findings: readonly Finding[];
  readonly errors: readonly CheckError[];
  /** Findings kept out of the verdict, listed in reports with their reasons. */
  readonly suppressed?: readonly SuppressedFinding[];
  /** Things the user should know that are neither findings nor errors (shown in the log and the summary). */
  readonly notices?: readonly string[];
}
