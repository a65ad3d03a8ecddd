/**
 * Findings as a worker thread sends them to the main thread. A finding's title, remediation,
 * compliance and aliases are its rule's, held once in the catalogue and shared by every finding of the
 * rule; structured clone would copy them into every finding (72,000 of them in the corpus scan, ~100
 * MiB more on the main thread's heap). So a finding whose metadata is its rule's crosses without it,
 * and the main thread puts back its own catalogue's. Any other finding crosses whole.
 */
import type { CheckedFile } from '../evaluate/file-refiner.js';
import type { Catalogue, RuleMeta } from '../evaluate/catalogue.js';
import type { Finding, SuppressedFinding } from '../model.js';

type Metadata = Pick<Finding, 'title' | 'remediation' | 'compliance' | 'aliases'>;

/** A finding without its rule's metadata (`metadata` absent), or with metadata of its own. */
export type WireFinding = Omit<Finding, keyof Metadata> & { readonly metadata?: Metadata };

export interface WireCheckedFile {
  readonly findings: readonly WireFinding[];
  readonly errors: CheckedFile['errors'];
  readonly suppressed?: readonly (Omit<SuppressedFinding, 'finding'> & { readonly finding: WireFinding })[];
}

/** Every rule of the catalogue by its id. */
export type RulesById = ReadonlyMap<string, RuleMeta>;

export function rulesById(catalogue: Catalogue): RulesById {
  return new Map(Object.values(catalogue).flatMap((rules) => Object.values(rules).map((meta) => [meta.id, meta] as const)));
}

export function toWire(checked: CheckedFile, rules: RulesById): WireCheckedFile {
  const wire = (finding: Finding): WireFinding => {
    const { title, remediation, compliance, aliases, ...rest } = finding;
    const meta = rules.get(finding.ruleId);
    const shared = meta !== undefined && title === meta.title && remediation === meta.remediation && compliance === meta.compliance && aliases === meta.aliases;
    return shared ? rest : { ...rest, metadata: { title, remediation, compliance, aliases } };
  };
  return {
    findings: checked.findings.map(wire),
    errors: checked.errors,
    ...(checked.suppressed ? { suppressed: checked.suppressed.map((s) => ({ ...s, finding: wire(s.finding) })) } : {}),
  };
}

export function fromWire(checked: WireCheckedFile, rules: RulesById): CheckedFile {
  const whole = ({ metadata, ...rest }: WireFinding): Finding => {
    const own = metadata ?? rules.get(rest.ruleId);
    // Both threads hold the same catalogue: a rule the main thread does not know is a bug, not a finding to drop.
    if (own === undefined) throw new Error(`A worker thread sent a finding of rule ${rest.ruleId}, which the catalogue does not hold.`);
    const { ruleId, severity, kind, path, startLine, endLine, message } = rest;
    // The fields in toFindings' order, so that a finding reads the same whichever thread made it.
    return { ruleId, title: own.title, severity, kind, path, startLine, endLine, message, remediation: own.remediation, compliance: own.compliance, aliases: own.aliases };
  };
  return {
    findings: checked.findings.map(whole),
    errors: [...checked.errors],
    ...(checked.suppressed ? { suppressed: checked.suppressed.map((s) => ({ ...s, finding: whole(s.finding) })) } : {}),
  };
}
