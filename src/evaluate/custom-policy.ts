import type { CheckError, ComplianceMap, Finding, Severity } from '../model.js';
import type { ParsedFile } from '../parse/parsed-file.js';
import { locateResult } from './to-findings.js';

/** conftest's rule names: `deny`, `violation`, `warn`, each optionally with a `_suffix` (`deny_latest`). */
export const CONFTEST_RULE = /^(deny|violation|warn)(_[A-Za-z0-9_]+)?$/;

/** What a custom rule's METADATA block may say; everything is optional. */
export interface CustomRuleMeta {
  readonly id?: string;
  readonly title?: string;
  readonly description?: string;
  readonly severity?: Severity;
  readonly remediation?: string;
  readonly compliance?: ComplianceMap;
  readonly aliases?: Readonly<Record<string, readonly string[]>>;
}

/** Metadata per `<namespace>.<rule>` (rule scope) and per `<namespace>` (package scope). */
export type CustomCatalogue = Readonly<Record<string, CustomRuleMeta>>;

/** The id a custom rule gets when its METADATA names none: stable across runs and readable. */
export function defaultRuleId(namespace: string, rule: string): string {
  return `custom/${namespace}/${rule}`;
}

/** The metadata in force for one rule: its own block, else its package's, else nothing. */
export function ruleMeta(catalogue: CustomCatalogue, namespace: string, rule: string): CustomRuleMeta {
  return catalogue[`${namespace}.${rule}`] ?? catalogue[namespace] ?? {};
}

/**
 * Whether a custom policy over these namespaces can produce `id`: an id its METADATA declares, or
 * a default id of a conftest rule name in one of them (rules without METADATA are not listed anywhere).
 */
export function isCustomRuleId(id: string, catalogue: CustomCatalogue, namespaces: readonly string[]): boolean {
  if (Object.values(catalogue).some((meta) => meta.id === id)) return true;
  return namespaces.some((ns) => id.startsWith(`custom/${ns}/`) && CONFTEST_RULE.test(id.slice(`custom/${ns}/`.length)));
}

/**
 * Turns one namespace's result (`{deny: [...], warn: [...], ...}`) into findings. Results are
 * strings or objects with `msg` and optionally `line`/`startLine`/`endLine` or a compose `path`;
 * anything else is an error against the file, as conftest treats a deny without a message.
 */
export function customFindings(namespace: string, raw: unknown, parsed: ParsedFile, catalogue: CustomCatalogue) {
  const { kind, path } = parsed.document;
  const findings: Finding[] = [];
  const errors: CheckError[] = [];
  const fail = (message: string): void => {
    errors.push({ kind: 'policy', path, message });
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fail(`Custom policy namespace ${namespace} evaluated to ${JSON.stringify(raw)} instead of a package of rules.`);
    return { findings, errors };
  }
  const lastLine = Math.max(1, parsed.document.lines.length);
  for (const rule of Object.keys(raw).filter((name) => CONFTEST_RULE.test(name)).sort()) {
    const results = (raw as Record<string, unknown>)[rule];
    const meta = ruleMeta(catalogue, namespace, rule);
    const ruleId = meta.id ?? defaultRuleId(namespace, rule);
    if (!Array.isArray(results)) {
      fail(`Custom rule ${namespace}.${rule} returned ${JSON.stringify(results)}; it must be a set of messages (\`${rule} contains msg if { ... }\`).`);
      continue;
    }
    const severity: Severity = meta.severity ?? (rule.startsWith('warn') ? 'warn' : 'deny');
    for (const result of results) {
      const object = typeof result === 'object' && result !== null && !Array.isArray(result) ? (result as Record<string, unknown>) : undefined;
      const msg = typeof result === 'string' ? result : object?.msg;
      if (typeof msg !== 'string' || msg === '') {
        fail(`Custom rule ${namespace}.${rule} returned a result without a message: ${JSON.stringify(result)}. Return a string or an object with "msg".`);
        continue;
      }
      const range = object ? locateResult(object, parsed, lastLine) : { startLine: 1, endLine: 1 };
      findings.push({
        ruleId,
        title: meta.title ?? `Custom policy ${namespace}.${rule}`,
        severity,
        kind,
        path,
        startLine: range.startLine,
        endLine: range.endLine,
        message: msg,
        remediation: meta.remediation ?? meta.description ?? '',
        compliance: meta.compliance ?? {},
        aliases: meta.aliases ?? {},
      });
    }
  }
  return { findings, errors };
}
