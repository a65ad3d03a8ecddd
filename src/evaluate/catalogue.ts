import type { ComplianceMap, FileKind, Severity } from '../model.js';

/** A rule's metadata, read from its METADATA block at build time (dist/policy/catalogue.json). */
export interface RuleMeta {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly remediation: string;
  readonly compliance: ComplianceMap;
  readonly aliases: Readonly<Record<string, readonly string[]>>;
}

/** Rules per file kind, keyed by the rule's package name (`image_tag` for container_policy.rules.dockerfile.image_tag). */
export type Catalogue = Readonly<Record<FileKind, Readonly<Record<string, RuleMeta>>>>;
