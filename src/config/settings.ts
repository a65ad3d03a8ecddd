import type { FilePatterns } from '../discover/file-patterns.js';
import type { FrameworkId } from '../model.js';
import type { PathScope } from '../discover/path-filter.js';

/** Which findings fail the run: `deny` (default), `warn` (deny and warn), or `never` (report only). */
export type FailOn = 'deny' | 'warn' | 'never';
export const FAIL_ON_VALUES: readonly FailOn[] = ['deny', 'warn', 'never'];

/** Compliance frameworks a report can map findings to, as the `frameworks` input and the configuration file name them. */
export const FRAMEWORK_VALUES: readonly FrameworkId[] = ['cis-docker', 'nist-800-190', 'owasp-docker', 'pci-dss', 'soc2'];

/** `changed` checks what the pull request touched; `all` checks every matching file in the workspace. */
export type ScanScope = 'changed' | 'all';
export const SCAN_SCOPE_VALUES: readonly ScanScope[] = ['changed', 'all'];

/** Settings shared by the action and the CLI, read once and never mutated. */
export interface ScanSettings {
  /** Absolute path that workspace-relative paths are resolved against. */
  readonly workspace: string;
  readonly patterns: FilePatterns;
  readonly failOn: FailOn;
  /** True lets files that could not be checked (read, parse, policy errors) not fail the run. Default false: fail closed. */
  readonly allowErrors?: boolean;
  /** Files larger than this are refused with an error rather than read. */
  readonly maxFileBytes: number;
  /** Where to write the JSON report, if anywhere (absolute or relative to the process's directory). */
  readonly jsonReportPath?: string;
  /** Where to write the SARIF 2.1.0 log for code scanning, if anywhere (absolute). */
  readonly sarifPath?: string;
  /** Compliance frameworks the summary maps to (the `frameworks` input or the configuration file); undefined: all. */
  readonly frameworks?: readonly FrameworkId[];
  /** The configuration file (workspace-relative); read from the base commit on a pull request. */
  readonly configPath?: string;
  /** True when the user named the configuration file, so its absence is an error. */
  readonly configPathNamed?: boolean;
  /** Custom policies: Rego directories, `.tar.gz` bundles or directories holding policy.wasm. */
  readonly policyPaths?: readonly string[];
  /** conftest namespaces of the custom policies to evaluate (default `main`). */
  readonly namespaces?: readonly string[];
  /** Docker daemon authorization policies (`builtin`, Rego directories, bundles) asked about every container and build. */
  readonly daemonPolicyPaths?: readonly string[];
  /** The user daemon policies are told is asking (`User`, `Authz-User`), given as an input or flag. */
  readonly daemonUser?: string;
  /** Settings given explicitly as inputs or flags; they win over the configuration file. */
  readonly explicit?: readonly ExplicitSetting[];
}

/** Settings that both an input and the configuration file can give. */
export type ExplicitSetting = 'failOn' | 'dockerfilePatterns' | 'composePatterns';

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
  readonly pullRequest?: {
    readonly number: number;
    readonly changedFiles?: number;
    readonly headSha?: string;
    readonly baseSha?: string;
    /** GitHub's test merge of the head into the base, when the payload names one (`merge_commit_sha`). */
    readonly mergeCommitSha?: string;
    readonly author?: string;
  };
  /** GITHUB_SHA: the commit the run is for (a pull request's merge commit, the base branch's head under pull_request_target). */
  readonly sha: string;
  /** Inputs `include` / `exclude`: which workspace paths are in scope (`@actions/glob` patterns). */
  readonly pathScope?: PathScope;
  /** A push event's `before` and `after` commits. */
  readonly push?: { readonly before: string; readonly after: string };
  /** A merge_group event's base and head commits. */
  readonly mergeGroup?: { readonly baseSha: string; readonly headSha: string };
  /** The repository's default branch, from the event payload. */
  readonly defaultBranch?: string;
  /** Scales the API retry back-off (ms per unit); only tests set it, through CONTAINER_POLICY_API_RETRY_BASE_MS. */
  readonly apiRetryBaseMs?: number;
  /** Per-request API timeout in ms (default 30 s); only tests set it, through CONTAINER_POLICY_API_TIMEOUT_MS. */
  readonly apiTimeoutMs?: number | undefined;
}
