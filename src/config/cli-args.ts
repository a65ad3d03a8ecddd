import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { FileKind } from '../model.js';
import { UserError } from '../errors.js';
import { DEFAULT_PATTERNS } from '../discover/file-patterns.js';
import { DEFAULT_MAX_FILE_BYTES } from '../file-size.js';
import { FAIL_ON_VALUES, type ScanSettings } from './settings.js';
import { parseByteSize, parseChoice } from './parse-values.js';
import { DEFAULT_CONFIG_PATH } from './config-file.js';

export const CLI_FORMATS = ['text', 'json', 'sarif', 'github', 'markdown'] as const;
export type CliFormat = (typeof CLI_FORMATS)[number];

/** Wrong words on the command line: exit status 2 with the usage text. */
export class UsageError extends UserError {}

export interface CliSettings extends ScanSettings {
  readonly command: 'scan' | 'help' | 'version';
  /** Files and directories to scan, as given (relative to the working directory). */
  readonly paths: readonly string[];
  readonly format: CliFormat;
  /** Check explicitly named files as this kind whatever their names. */
  readonly kind?: FileKind;
  /** Write the report here instead of standard output. */
  readonly outputPath?: string;
  readonly color: boolean;
  /** Text format: show each finding's fix under it. */
  readonly fix: boolean;
}

export const USAGE = `Usage: container-policy scan [paths...] [options]

Checks Dockerfiles and Docker Compose files against the embedded container security policy.
Paths may be files or directories (default: the current directory).

Options:
  --format <text|json|sarif|github|markdown>
                                        report format (default: text)
  --fix                                 text format: show how to fix each finding
  --fail-on <deny|warn|never>           which findings fail the run (default: the configuration's, else deny)
  --allow-errors                        pass although some files could not be read, parsed or evaluated
                                        (they are still reported); a file made unparseable then passes
  --kind <dockerfile|compose>           check the named files as this kind, whatever their names
  --output <file>                       write the report to a file instead of standard output
  --json-report <file>                  also write the JSON report to a file
  --sarif <file>                        also write a SARIF 2.1.0 log to a file
  --max-file-size <bytes>               refuse larger files (default: ${DEFAULT_MAX_FILE_BYTES})
  --config <file>                       configuration file (default: ${DEFAULT_CONFIG_PATH}, when it exists)
  --policy <dir|bundle.tar.gz>          custom Rego policies (conftest style; repeatable); directories are
                                        compiled with the \`opa\` on PATH, bundles are used as built
  --namespace <package>                 Rego package of the custom policies to evaluate (repeatable; default: main)
  --daemon-policy <builtin|dir|bundle.tar.gz>
                                        Docker daemon authorization policy (package docker.authz, as written for
                                        opa-docker-authz) to ask about every compose service and Dockerfile (repeatable)
  --daemon-user <name>                  the user daemon policies see (User, Authz-User; default: the configuration's)
  --no-color                            never colour the text report
  -h, --help                            show this help
  -v, --version                         show the version

Exit status: 0 pass, 1 policy failure (findings at the threshold, or files that could not be checked),
2 usage or tool error.`;

/** Reads the command line once into settings; bad words are a UsageError naming the flag and the valid values. */
export function parseCliArgs(argv: readonly string[], cwd: string, isTty: boolean): CliSettings {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        'fail-on': { type: 'string' },
        'allow-errors': { type: 'boolean' },
        kind: { type: 'string' },
        output: { type: 'string' },
        'json-report': { type: 'string' },
        sarif: { type: 'string' },
        fix: { type: 'boolean' },
        'max-file-size': { type: 'string' },
        config: { type: 'string' },
        policy: { type: 'string', multiple: true },
        namespace: { type: 'string', multiple: true },
        'daemon-policy': { type: 'string', multiple: true },
        'daemon-user': { type: 'string' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (thrown) {
    throw new UsageError((thrown as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...paths] = positionals;
  const base = {
    workspace: cwd,
    patterns: DEFAULT_PATTERNS,
    failOn: parseChoice('--fail-on', values['fail-on'] ?? '', FAIL_ON_VALUES, 'deny'),
    maxFileBytes: parseByteSize('--max-file-size', values['max-file-size'] ?? '', DEFAULT_MAX_FILE_BYTES),
    format: parseChoice('--format', values.format ?? '', CLI_FORMATS, 'text'),
    color: isTty && !values['no-color'] && !process.env.NO_COLOR,
    ...(values.kind ? { kind: parseChoice<FileKind>('--kind', values.kind, ['dockerfile', 'compose'], 'dockerfile') } : {}),
    ...(values.output ? { outputPath: resolve(cwd, values.output) } : {}),
    ...(values['json-report'] ? { jsonReportPath: resolve(cwd, values['json-report']) } : {}),
    ...(values.sarif ? { sarifPath: resolve(cwd, values.sarif) } : {}),
    fix: values.fix === true,
    ...(values['allow-errors'] ? { allowErrors: true } : {}),
    configPath: values.config ?? DEFAULT_CONFIG_PATH,
    configPathNamed: values.config !== undefined,
    policyPaths: values.policy ?? [],
    namespaces: values.namespace ?? ['main'],
    daemonPolicyPaths: values['daemon-policy'] ?? [],
    ...(values['daemon-user'] !== undefined ? { daemonUser: values['daemon-user'] } : {}),
    explicit: values['fail-on'] ? (['failOn'] as const) : [],
  };
  if (values.help) return { ...base, command: 'help', paths: [] };
  if (values.version) return { ...base, command: 'version', paths: [] };
  if (command !== 'scan') {
    throw new UsageError(command ? `Unknown command "${command}". The command is: scan.` : 'No command given.');
  }
  return { ...base, command: 'scan', paths: paths.length > 0 ? paths : ['.'] };
}
