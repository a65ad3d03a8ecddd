/**
 * The input documents the policies see. These shapes are the contract between the TypeScript parsers
 * and the Rego rules in policies/: a field renamed here must be renamed there.
 */

/** An image reference split into parts so rules never do string surgery in Rego. */
export interface ImageRef {
  /** The reference after variable substitution (and, in FROM, quote removal), e.g. `node:20-alpine`. */
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
  /** Present when the flag is written without `=` (`--from build`), which BuildKit refuses for a flag that takes a value. */
  readonly withoutValue?: true;
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
  /** RUN, CMD, ENTRYPOINT: `exec` when written as a JSON array (args are then the array), else `shell`. */
  readonly form?: 'shell' | 'exec';
  /**
   * Shell-form RUN in a stage whose shell is POSIX: the simple commands a shell parser finds, over
   * `&&`, `||`, `;`, `|`, continuations, subshells and a heredoc script. Absent when not split.
   * Exec-form RUN: the array as one command, then, when it runs a POSIX shell with `-c`
   * (`["sh", "-c", "..."]`), the commands of that script, all on the RUN's first line.
   * In both, a command that hands a script to a shell (`bash -c "curl ... | sh"`, `sudo sh -c`,
   * `su app -c`, `eval`) is followed by that script's commands, on its line, to three levels of
   * nesting (src/parse/shell/nested-scripts.ts).
   */
  readonly commands?: readonly ShellCommand[];
  /** RUN whose script the shell parser rejects: where and why. `commands` then holds what came before. */
  readonly shellError?: { readonly line: number; readonly message: string };
  /**
   * Shell-form RUN whose shell is not POSIX: the program a SHELL names (`powershell`, `cmd`), or `cmd`
   * for a stage built on a Windows image. The script is not split, so command rules cannot see it.
   */
  readonly foreignShell?: string;
  /** RUN, COPY, ADD: the heredoc bodies the instruction opens, in order. */
  readonly heredocs?: readonly DockerfileHeredoc[];
  /**
   * USER: the user it sets, its word expanded as BuildKit does with no `--build-arg` (quotes removed; the
   * ARG defaults and ENV values in scope in its stage and the stages it is built from). null when that
   * depends on a value not known before the build (an ARG without a default, set by `--build-arg`). A
   * variable the Dockerfile does not set there is the base image's: with a default (`${RUNAS:-root}`) the
   * default is the user; bare (`$APP_UID`) the word is kept as written. `args[0]` stays the word as
   * written. Set by the parse stage; absent in hand-built inputs.
   */
  readonly user?: string | null;
}

/** One simple command inside a RUN, e.g. `apt-get install -y curl` out of `apt-get update && ...`. */
export interface ShellCommand {
  /** The words with quotes removed; an expansion (`$X`, `$(cmd)`) kept as written. */
  readonly words: readonly string[];
  /** File line where the command starts. */
  readonly line: number;
  /** Commands joined by `|` share an id, unique within the instruction. */
  readonly pipeline: number;
  /** 0-based position in its pipeline, and the pipeline's length (1 for a lone command). */
  readonly position: number;
  readonly pipelineSize: number;
  /**
   * Present (true) when a `!` inverts the command's exit status: written before its pipeline, or before
   * a group, loop or condition that holds it (`! { ldd x | grep 'not found'; }`, a check that must find
   * nothing), or before the `sh -c` that runs its script; not through a `$(…)`. Absent otherwise.
   */
  readonly negated?: true;
  /**
   * Index in `words` of the program that runs when runners stand in front of it, with their options
   * (`sudo -u app apt-get`: 3; `timeout 60 curl`: 2; src/parse/shell/command-runners.ts); absent when
   * the program is the first word.
   */
  readonly programIndex?: number;
  /** `NAME=value` words before the command (`GIT_SSL_NO_VERIFY=1 git clone`); absent when none. */
  readonly assignments?: readonly string[];
  /**
   * Its redirections in order (`curl -fsSL URL > app.tgz 2>/dev/null`: `{op: ">", to: "app.tgz"}`, then
   * `{op: ">", fd: 2, to: "/dev/null"}`), heredocs and here-strings left out; absent when none. A
   * group's or a loop's redirections (`{ …; } > log`) are not given to the commands inside it.
   */
  readonly redirects?: readonly { readonly op: string; readonly fd?: number; readonly to: string }[];
}

/** A heredoc body (`RUN <<EOF`, `COPY <<EOF /dst`). */
export interface DockerfileHeredoc {
  readonly name: string;
  /** The body without the terminator; leading tabs removed for `<<-`. */
  readonly body: string;
  /** First body line and the terminator's line. */
  readonly startLine: number;
  readonly endLine: number;
}

/** A parser directive at the top of the file: `# syntax=...`, `# escape=...`, `# check=...`. */
export interface DockerfileDirective {
  /** Lower-cased name. */
  readonly name: string;
  readonly value: string;
  readonly line: number;
}

export interface DockerfileStage {
  readonly index: number;
  /** `AS name`, lower-cased as BuildKit compares it, or null. */
  readonly name: string | null;
  /** The FROM instruction's line. A finding about something missing in a stage points here. */
  readonly fromLine: number;
  readonly startLine: number;
  readonly endLine: number;
  /** The base as written, e.g. `${BASE}` or `"ubuntu:22.04"`. */
  readonly baseRaw: string;
  /**
   * The base BuildKit pulls: its word with quotes and escapes removed and global ARG defaults substituted
   * (`"ubuntu:$V"` with `ARG V=22.04` is `ubuntu:22.04`).
   */
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
  /** Parser directives at the top of the file (set by the parse stage). */
  readonly directives?: readonly DockerfileDirective[];
}

/**
 * A compose file: the YAML as plain data. Rules locate findings by returning the YAML path of the
 * offending node (`["services", "web", "privileged"]`); the evaluate stage maps paths to lines.
 */
export interface ComposeDocument {
  readonly kind: 'compose';
  readonly path: string;
  readonly lines: readonly string[];
  /**
   * The project's model as `docker compose config` builds it: anchors and merge keys resolved, variables
   * interpolated, `include`s added, `extends` and override files merged. Paths into it locate findings,
   * in whichever file set the value.
   */
  readonly data: Readonly<Record<string, unknown>>;
  /** Normalised views of each service (src/parse/compose/normalise.ts); absent in hand-built inputs. */
  readonly services?: Readonly<Record<string, ComposeService>>;
  /**
   * Values that read a variable nothing sets, which they hold as blank, as compose runs them
   * (`host${X}` is `host`): the path of each and the variables' names, so a rule can leave a value
   * from a variable unjudged (an image tag), and a finding can say which variable to set.
   */
  readonly unresolved?: readonly { readonly path: readonly string[]; readonly variables: readonly string[] }[];
  /**
   * Values that read a variable a `.env` file (or an include's `env_file`) or the configuration's
   * `compose-variables` sets: the path of each and where each variable is set (`file` and `line`;
   * neither for the configuration), so a finding can name the line to change. Absent when none did.
   */
  readonly interpolated?: readonly { readonly path: readonly string[]; readonly sources: readonly VariableSource[] }[];
  /** Every file the project was built from (compose files, override and extends files, includes, .env). */
  readonly files?: readonly string[];
}

/**
 * Where a variable a compose value reads is set: a line of a `.env` (or an include's `env_file`), or,
 * without `file`, the configuration's `compose-variables`.
 */
export interface VariableSource {
  readonly name: string;
  readonly file?: string;
  readonly line?: number;
}

/** A data path, e.g. `["services", "web", "ports", 0]`: where a normalised value was set. */
export type ComposeServicePath = readonly (string | number)[];

/** A normalised value with the data path that set it. */
export type Sited<T> = T & { readonly path: ComposeServicePath };

/**
 * One service in the shapes rules rely on, whatever syntax was written. Booleans are null when unset or
 * no boolean because of an unset variable; sizes are bytes, durations nanoseconds; `path` fields say where each value was set.
 */
export interface ComposeService {
  readonly name: string;
  readonly path: ComposeServicePath;
  readonly profiles: readonly string[];
  readonly image: Sited<ImageRef> | null;
  readonly build: boolean;
  /** `pull_policy` as written (`always`, `missing`, `never`, `build`, `daily`...); null when not written. */
  readonly pull_policy: string | null;
  readonly user: string | null;
  readonly privileged: boolean | null;
  readonly read_only: boolean | null;
  /** Capability names upper-cased without `CAP_`. */
  readonly cap_add: readonly Sited<{ name: string }>[];
  readonly cap_drop: readonly Sited<{ name: string }>[];
  /** `key=value` / `key:value` split; key lower-cased (`no-new-privileges`, `seccomp`, `apparmor`, `label`). */
  readonly security_opt: readonly Sited<{ key: string; value: string }>[];
  readonly network_mode: string | null;
  readonly networks: readonly string[];
  readonly pid: string | null;
  readonly ipc: string | null;
  readonly uts: string | null;
  readonly userns_mode: string | null;
  readonly cgroup: string | null;
  readonly cgroup_parent: string | null;
  /** Empty host_ip means all interfaces; published `""` means the host picks a port. */
  readonly ports: readonly Sited<{ host_ip: string; published: string; published_start: number | null; target: string; protocol: string }>[];
  readonly expose: readonly Sited<{ port: string }>[];
  /**
   * `host_path`: the host directory the mount reaches (a bind's source, or the `device` / `mountpoint` of
   * a named volume that binds one), cleaned (src/parse/compose/host-path.ts: `/tmp/..` is `/`, a relative
   * path is `./` from the repository root, `..` above that root reaches `/`), else null. `source` keeps
   * the text as written, for messages.
   */
  readonly volumes: readonly Sited<{ type: string; source: string; target: string; read_only: boolean; propagation: string; host_path: string | null }>[];
  /** Variable → value (null when written without one). */
  readonly environment: Readonly<Record<string, Sited<{ value: string | null }>>>;
  /** `build.args`, as `environment`: ARG name → value (null when written without one, taken from the environment). */
  /** `command` and `entrypoint` as the words the container runs (a string split as compose splits it); empty when not written. */
  readonly command: readonly Sited<{ word: string }>[];
  readonly entrypoint: readonly Sited<{ word: string }>[];
  /** `labels`, as `environment`: label → value. */
  readonly labels: Readonly<Record<string, Sited<{ value: string | null }>>>;
  readonly build_args: Readonly<Record<string, Sited<{ value: string | null }>>>;
  /** `build.privileged` (`true`, `yes`, `on`… as compose reads them; null for text an unset variable left); null when not written. */
  readonly build_privileged: Sited<{ value: boolean | null }> | null;
  /** `build.entitlements`: what the build may do beyond its sandbox (`security.insecure`, `network.host`). */
  readonly build_entitlements: readonly Sited<{ name: string }>[];
  /** `build.network` (`host`, `none`, a network name), interpolated; null when not written. */
  readonly build_network: Sited<{ value: string }> | null;
  readonly env_file: readonly Sited<{ file: string }>[];
  readonly healthcheck: Sited<{
    test: readonly string[];
    disabled: boolean;
    interval_ns: number | null;
    timeout_ns: number | null;
    start_period_ns: number | null;
    retries: number | null;
  }> | null;
  readonly ulimits: Record<string, Sited<{ soft: number | null; hard: number | null }>>;
  readonly devices: readonly Sited<{ source: string; target: string; permissions: string }>[];
  /** `device_cgroup_rules` as written: `type major:minor permissions` (`c 1:3 mr`, `a *:* rwm`). */
  readonly device_cgroup_rules: readonly Sited<{ rule: string }>[];
  /** Effective limits (deploy.resources.limits wins when non-zero); value null when an unset variable leaves no valid size or number. */
  readonly limits: {
    readonly memory: Sited<{ value: number | null; raw: unknown }> | null;
    readonly cpus: Sited<{ value: number | null; raw: unknown }> | null;
    readonly pids: Sited<{ value: number | null; raw: unknown }> | null;
  };
  /** `restart` or `deploy.restart_policy` (which wins), as the daemon's RestartPolicy. */
  readonly restart: Sited<{ name: string; max_retries: number | null }> | null;
  /** Every restart policy written (`restart`, then `deploy.restart_policy`), for rules that judge each. */
  readonly restart_policies: readonly Sited<{ name: string; max_retries: number | null }>[];
  readonly logging: Sited<{ driver: string; options: Readonly<Record<string, unknown>> }> | null;
  readonly sysctls: Readonly<Record<string, Sited<{ value: string | null }>>>;
  readonly tmpfs: readonly Sited<{ target: string }>[];
}

export type InputDocument = DockerfileDocument | ComposeDocument;
