import type { CheckError, Finding } from '../model.js';
import type { ComposeDocument } from '../parse/input-document.js';
import type { ParsedFile } from '../parse/parsed-file.js';
import type { RuleMeta } from '../evaluate/catalogue.js';
import { describeError } from '../errors.js';
import { ALLOW_KEY, attributeBuildLines, attributeRefusal } from './attribute.js';
import { toAuthzInput, toBuildInput, type RequestIdentity } from './authz-input.js';
import { DEFAULT_API_VERSION, SynthesisError, synthesizeCreateRequests } from './create-request.js';
import { isRefused, type DaemonPolicy, type Decision } from './daemon-policy-engine.js';
import type { SeccompProfiles } from './seccomp-profile.js';

/** How requests are built and who sends them. */
export interface DaemonCheckOptions {
  readonly workspace: string;
  readonly identity: RequestIdentity;
  readonly apiVersion?: string;
  /** Metadata of the built-in docker.authz rules (catalogue.json's `authz`), by rule name. */
  readonly builtinRules: Readonly<Record<string, RuleMeta>>;
  /** Seccomp profile files the services name, read beforehand (see seccomp-profile.ts). */
  readonly profiles?: SeccompProfiles;
}

/**
 * The rule ids a loaded daemon policy can report under: the built-in set's come from the bundle's
 * catalogue; a user's policy reports under `daemon/<package>/<rule>` unless its METADATA gives an id.
 */
export function daemonRuleIds(policy: DaemonPolicy): string[] {
  if (policy.builtin) return [];
  const packages = ['docker.authz', ...(policy.hasBuild ? ['docker.build'] : [])];
  const defaults = packages.flatMap((p) => [`daemon/${p}/allow`, `daemon/${p}/deny`]);
  const own = Object.values(policy.catalogue).flatMap((meta) => (meta.id ? [meta.id] : []));
  return [...defaults, ...own];
}

/**
 * Asks each daemon policy about every container a compose project would create (and, when the
 * policy has `docker.build`, about building each Dockerfile), and turns refusals into findings on
 * the lines that fed them; a refusal no single value explains points at the service's key.
 */
export function checkWithDaemonPolicies(parsed: ParsedFile, policies: readonly DaemonPolicy[], options: DaemonCheckOptions): { findings: Finding[]; errors: CheckError[] } {
  const findings: Finding[] = [];
  const errors: CheckError[] = [];
  const { document } = parsed;
  for (const policy of policies) {
    try {
      const found = document.kind === 'compose' ? checkCompose(parsed, document, policy, options) : policy.hasBuild ? checkBuild(parsed, document.lines, policy, options) : [];
      // A loop, not a spread: a project of thousands of services can have more findings than a call takes arguments.
      for (const finding of found) findings.push(finding);
    } catch (thrown) {
      const at = thrown instanceof SynthesisError ? parsed.locate(thrown.path) : undefined;
      errors.push({ kind: 'policy', path: at?.path ?? document.path, ...(at ? { line: at.startLine } : {}), message: describeError(thrown) });
    }
  }
  return { findings, errors };
}

function checkCompose(parsed: ParsedFile, document: ComposeDocument, policy: DaemonPolicy, options: DaemonCheckOptions): Finding[] {
  const findings: Finding[] = [];
  for (const request of synthesizeCreateRequests(document, { workspace: options.workspace, apiVersion: options.apiVersion ?? DEFAULT_API_VERSION, ...(options.profiles ? { profiles: options.profiles } : {}) })) {
    const decide = (body: Record<string, unknown>): Decision => policy.decide(toAuthzInput(request, body, options.identity));
    const decision = decide(request.body);
    if (!isRefused(decision)) continue;
    const attributed = attributeRefusal(request, decision, decide);
    const serviceRange = parsed.locate(['services', request.service]);
    const refusals = decision.denials.length > 0 ? decision.denials : [{ msg: ALLOW_KEY }];
    for (const denial of refusals) {
      const units = attributed.get(denial.msg) ?? [];
      const ranges = units.length > 0 ? units.map((u) => parsed.locate(u.compose)) : [serviceRange];
      const meta = ruleFor(policy, denial.msg === ALLOW_KEY ? 'allow' : 'deny', 'rule' in denial ? denial.rule : undefined, options);
      const message =
        denial.msg === ALLOW_KEY
          ? `The daemon policy would refuse to create the container of service "${request.service}": data.docker.authz.allow is ${decision.allowed === undefined ? 'undefined' : 'false'}.`
          : `Service "${request.service}": ${denial.msg}`;
      for (const range of dedupe(ranges)) {
        findings.push({ ...meta, kind: 'compose', path: range?.path ?? document.path, startLine: range?.startLine ?? 1, endLine: range?.endLine ?? range?.startLine ?? 1, message });
      }
    }
  }
  return findings;
}

function checkBuild(parsed: ParsedFile, lines: readonly string[], policy: DaemonPolicy, options: DaemonCheckOptions): Finding[] {
  const decide = (l: readonly string[]): Decision => policy.decideBuild(toBuildInput(l, parsed.document.path, options.apiVersion ?? DEFAULT_API_VERSION, options.identity));
  const decision = decide(lines);
  if (!isRefused(decision)) return [];
  const attributed = attributeBuildLines(lines, decision, decide);
  const refusals = decision.denials.length > 0 ? decision.denials.map((d) => d.msg) : [ALLOW_KEY];
  return refusals.flatMap((msg) => {
    const at = attributed.get(msg) ?? [];
    const meta = ruleFor(policy, msg === ALLOW_KEY ? 'build-allow' : 'build-deny', undefined, options);
    const message = msg === ALLOW_KEY ? `The daemon policy would refuse to build this Dockerfile: data.docker.build.allow is ${decision.allowed === undefined ? 'undefined' : 'false'}.` : msg;
    return (at.length > 0 ? at : [1]).map((line) => ({ ...meta, kind: 'dockerfile' as const, path: parsed.document.path, startLine: line, endLine: line, message }));
  });
}

type Meta = Pick<Finding, 'ruleId' | 'title' | 'severity' | 'remediation' | 'compliance' | 'aliases'>;

/** The rule a refusal is reported under: the built-in rule, the user's METADATA, or a stable default. */
function ruleFor(policy: DaemonPolicy, which: 'allow' | 'deny' | 'build-allow' | 'build-deny', rule: string | undefined, options: DaemonCheckOptions): Meta {
  const builtin = rule ? options.builtinRules[rule] : undefined;
  if (builtin) return { ruleId: builtin.id, title: builtin.title, severity: builtin.severity, remediation: builtin.remediation, compliance: builtin.compliance, aliases: builtin.aliases };
  const namespace = which.startsWith('build') ? 'docker.build' : 'docker.authz';
  const name = which.endsWith('allow') ? 'allow' : 'deny';
  const custom = policy.catalogue[`${namespace}.${name}`] ?? policy.catalogue[namespace] ?? {};
  return {
    ruleId: custom.id ?? `daemon/${namespace}/${name}`,
    title: custom.title ?? (name === 'allow' ? `Daemon policy ${namespace} does not allow it` : `Daemon policy ${namespace} denies it`),
    severity: custom.severity ?? 'deny',
    remediation: custom.remediation ?? custom.description ?? `Change the ${namespace === 'docker.build' ? 'Dockerfile' : 'service'} so the daemon policy (${policy.source}) allows it, or have the policy changed.`,
    compliance: custom.compliance ?? {},
    aliases: custom.aliases ?? {},
  };
}

function dedupe<T extends { startLine: number; path?: string } | undefined>(ranges: T[]): T[] {
  const seen = new Set<string>();
  return ranges.filter((r) => {
    const key = `${r?.path}:${r?.startLine}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
