import type { FilePatterns } from '../discover/file-patterns.js';

/** Which findings fail the run: `deny` (default), `warn` (deny and warn), or `never` (report only). */
export type FailOn = 'deny' | 'warn' | 'never';
export const FAIL_ON_VALUES: readonly FailOn[] = ['deny', 'warn', 'never'];

/** `changed` checks what the pull request touched; `all` checks every matching file in the workspace. */
export type ScanScope = 'changed' | 'all';
export const SCAN_SCOPE_VALUES: readonly ScanScope[] = ['changed', 'all'];

/** Settings shared by the action and the CLI, read once and never mutated. */
export interface ScanSettings {
  /** Absolute path that workspace-relative paths are resolved against. */
  readonly workspace: string;
  readonly patterns: FilePatterns;
  readonly failOn: FailOn;
  /** Files larger than this are refused with an error rather than read. */
  readonly maxFileBytes: number;
  /** Where to write the JSON report, if anywhere (absolute or relative to the process's directory). */
  readonly jsonReportPath?: string;
}

/** The action's settings: the scan plus what it needs from GitHub. */
export interface ActionSettings extends ScanSettings {
  readonly scan: ScanScope;
  readonly token: string;
  readonly apiUrl: string;
  /** `https://github.com/owner/repo`, for line links in the summary. */
  readonly repositoryUrl: string;
  readonly eventName: string;
  readonly owner: string;
  readonly repo: string;
  readonly pullRequest?: { readonly number: number; readonly changedFiles?: number; readonly headSha?: string };
  readonly sha: string;
}
