import type { ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { withQuietYaml } from '../parse/quiet-yaml.js';
import { UserError } from '../errors.js';
import type { FrameworkId, Severity } from '../model.js';
import type { FailOn } from './settings.js';
import { validate as generatedValidate } from './config-schema-validator.generated.js';
import { REGEX_KEYS, toPolicySettings } from './config-file-policy-data.js';

/** Where the configuration file is looked for when no path is given. */
export const DEFAULT_CONFIG_PATH = '.github/container-policy.yml';

/** Tools whose ignore comments can be honoured (see `suppressions.other-tools`). */
export type OtherTool = 'hadolint' | 'trivy' | 'checkov' | 'kics';

export interface RuleConfig {
  readonly enabled?: boolean;
  readonly severity?: Severity;
  readonly reason?: string;
}

export interface Exclusion {
  readonly paths?: readonly string[];
  readonly services?: readonly string[];
  /** Rule ids, or `*` for every rule. */
  readonly rules: readonly string[];
  readonly reason: string;
}

export interface SuppressionPolicy {
  readonly allowed: boolean;
  readonly requireReason: boolean;
  readonly otherTools: readonly OtherTool[];
}

/** The configuration file, validated and with defaults filled in. Mirrors schema/container-policy.schema.json. */
export interface ConfigFile {
  /** Workspace-relative path it was read from, for messages; undefined when there was no file. */
  readonly source?: string;
  readonly failOn?: FailOn;
  readonly files?: { readonly dockerfile?: readonly string[]; readonly compose?: readonly string[] };
  readonly rules: Readonly<Record<string, RuleConfig>>;
  readonly frameworks?: readonly FrameworkId[];
  readonly composeProjects: readonly { readonly name: string; readonly files: readonly string[] }[];
  /** Values for `${VAR}` interpolation in compose files; they win over `.env` files. */
  readonly composeVariables: Readonly<Record<string, string>>;
  readonly daemonUser?: string;
  /** Values for data.container_policy.settings, keyed as the Rego rules read them (`dockerfile.trusted_registries`). */
  readonly policySettings: Readonly<Record<string, unknown>>;
  /** Free-form data for custom policies. */
  readonly customData: Readonly<Record<string, unknown>>;
  readonly exclusions: readonly Exclusion[];
  readonly suppressions: SuppressionPolicy;
}

/** The configuration in force when there is no file. */
export const EMPTY_CONFIG: ConfigFile = {
  rules: {},
  composeProjects: [],
  composeVariables: {},
  policySettings: {},
  customData: {},
  exclusions: [],
  suppressions: { allowed: true, requireReason: true, otherTools: [] },
};

/** More than this many problems are summarised: a wholly wrong file would otherwise flood the log. */
const MAX_REPORTED_PROBLEMS = 20;

/**
 * schema/container-policy.schema.json, compiled when the action is built (`npm run config:validator`):
 * loading ajv and compiling the schema took ~75 ms of every start, configuration file or not.
 */
const validate = generatedValidate as ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * Parses and validates the configuration text. Every problem is reported at once, each with its
 * line, its key, the bad value and what is allowed, in one UserError.
 */
export function parseConfigFile(text: string, source: string): ConfigFile {
  const lineCounter = new LineCounter();
  const doc = withQuietYaml(() => parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false }));
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => `line ${lineCounter.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`);
    throw new UserError(`The configuration file ${source} is not valid YAML:\n  ${problems.join('\n  ')}`);
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
  if (!validate(data)) {
    const problems = explain(validate.errors ?? [], data, (path) => lineOf(doc.contents, path, lineCounter));
    const shown = problems.slice(0, MAX_REPORTED_PROBLEMS);
    if (problems.length > shown.length) shown.push(`... and ${problems.length - shown.length} more`);
    throw new UserError(
      `The configuration file ${source} is invalid (see docs/configuration.md):\n  ${shown.join('\n  ')}`,
    );
  }
  const regexProblems = checkPatterns(data as Raw);
  if (regexProblems.length > 0) {
    throw new UserError(`The configuration file ${source} is invalid:\n  ${regexProblems.join('\n  ')}`);
  }
  return toConfig(data as Raw, source);
}

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- validated against the schema above

function toConfig(raw: Raw, source: string): ConfigFile {
  const data: Raw = raw['policy-data'] ?? {};
  const policySettings = toPolicySettings(data);
  const daemonUser: string | undefined = raw.daemon?.user;
  if (daemonUser !== undefined) policySettings.daemon_user = daemonUser;
  const s: Raw = raw.suppressions ?? {};
  return {
    source,
    ...(raw['fail-on'] ? { failOn: raw['fail-on'] } : {}),
    ...(raw.files ? { files: raw.files } : {}),
    rules: raw.rules ?? {},
    ...(raw.frameworks ? { frameworks: raw.frameworks } : {}),
    composeProjects: raw['compose-projects'] ?? [],
    composeVariables: raw['compose-variables'] ?? {},
    ...(daemonUser !== undefined ? { daemonUser } : {}),
    policySettings,
    customData: data.custom ?? {},
    exclusions: raw.exclusions ?? [],
    suppressions: {
      allowed: s.allowed ?? true,
      requireReason: s['require-reason'] ?? true,
      otherTools: s['other-tools'] ?? [],
    },
  };
}

/** Secret patterns are regular expressions: one that does not compile would fail every evaluation. */
function checkPatterns(raw: Raw): string[] {
  const problems: string[] = [];
  for (const key of REGEX_KEYS) {
    const patterns: unknown[] = raw['policy-data']?.[key] ?? [];
    patterns.forEach((pattern, i) => {
      try {
        // Rego uses RE2, whose leading inline flags (`(?i)`) JavaScript lacks; the rest is close enough to catch typos.
        new RegExp(String(pattern).replace(/^\(\?[imsU]+\)/, ''));
      } catch (thrown) {
        problems.push(`policy-data.${key}[${i}]: ${JSON.stringify(pattern)} is not a regular expression (${(thrown as Error).message})`);
      }
    });
  }
  return problems;
}

/** Turns ajv's errors into sentences: `line 4: rules.CPD001.severity: "high" is not allowed; allowed: deny, warn`. */
function explain(errors: readonly ErrorObject[], data: unknown, lineOfPath: (path: string[]) => number | undefined): string[] {
  const out = new Set<string>();
  // An if/then wrapper only repeats its branch; an anyOf or propertyNames error already says what its
  // branches would, so their branches' own errors are dropped.
  // (A branch reached through $ref reports a schema path under #/definitions, hence the second test.)
  const wrappers = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'propertyNames');
  const isBranch = (e: ErrorObject): boolean =>
    e.propertyName !== undefined ||
    wrappers.some((w) => w !== e && (e.schemaPath.startsWith(w.schemaPath + '/') || (e.instancePath === w.instancePath && e.schemaPath.startsWith('#/definitions/'))));
  const meaningful = errors.filter((e) => e.keyword !== 'if' && (wrappers.includes(e) || !isBranch(e)));
  for (const error of meaningful) {
    const path = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    // Point an unknown key's line at the key itself.
    const extra = (error.params as { additionalProperty?: string }).additionalProperty;
    const value = valueAt(data, path);
    const line = lineOfPath(extra === undefined ? path : [...path, extra]);
    const where = `${line ? `line ${line}: ` : ''}${keyName(path)}`;
    out.add(`${where}: ${describe(error, value)}`);
  }
  return [...out];
}

function describe(error: ErrorObject, value: unknown): string {
  const shown = JSON.stringify(value);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys(propertiesAt(error.parentSchema)).join(', ');
      return `unknown key "${String(params.additionalProperty)}"; allowed keys: ${allowed}`;
    }
    case 'enum':
      return `${shown} is not allowed; allowed: ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'const':
      return `${shown} is not allowed; allowed: ${JSON.stringify(params.allowedValue)}`;
    case 'type':
      return `${shown} is not allowed; expected ${String(params.type)}`;
    case 'required':
      return `the key "${String(params.missingProperty)}" is required`;
    case 'pattern':
      return params.pattern === '\\S'
        ? `${shown} is not allowed; give a non-empty reason`
        : `${shown} is not allowed; expected a value matching ${String(params.pattern)}`;
    case 'propertyNames':
      return error.instancePath === '/compose-variables'
        ? `the key ${JSON.stringify(params.propertyName)} is not a variable name (letters, digits and _, not starting with a digit)`
        : `the key ${JSON.stringify(params.propertyName)} is not a rule id (e.g. CPD001 or custom/main/deny)`;
    case 'anyOf':
      return error.instancePath.includes('/rules/')
        ? `${shown} is not allowed; expected a rule id (e.g. CPD001) or "*"`
        : 'needs "paths" or "services" (or both)';
    case 'minItems':
      return `${shown} is not allowed; give at least ${String(params.limit)} item(s)`;
    case 'minLength':
      return `${shown} is not allowed; it must not be empty`;
    case 'uniqueItems':
      return `${shown} is not allowed; items must not repeat`;
    default:
      return `${shown} is not allowed: ${error.message ?? error.keyword}`;
  }
}

function propertiesAt(schemaNode: unknown): Record<string, unknown> {
  return ((schemaNode as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
}

function keyName(path: readonly string[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  let node = data;
  for (const segment of path) node = (node as Record<string, unknown> | undefined)?.[segment];
  return node;
}

/** The line of the deepest node on `path` that the YAML has. */
function lineOf(root: unknown, path: readonly string[], counter: LineCounter): number | undefined {
  let node = root as Node | null;
  let offset = (node as { range?: number[] } | null)?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === segment);
      if (!pair) break;
      offset = (pair.key as { range?: number[] } | null)?.range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) break;
      offset = (item as { range?: number[] }).range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : counter.linePos(offset).line;
}
