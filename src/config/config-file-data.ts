import type { Catalogue } from '../evaluate/catalogue.js';
import type { ConfigFile } from './config-file.js';

/**
 * The built-in bundle's data with the configuration's policy data at
 * data.container_policy.settings, where policies/lib/settings.rego reads it. Keys the file does not
 * set are absent, so each rule's default applies.
 */
export function builtinPolicyData(bundleData: Record<string, unknown>, config: ConfigFile): Record<string, unknown> {
  const ours = (bundleData.container_policy ?? {}) as Record<string, unknown>;
  const settings = { ...((ours.settings ?? {}) as Record<string, unknown>), ...config.policySettings };
  return { ...bundleData, container_policy: { ...ours, settings } };
}

/** Custom policies see the free-form `policy-data.custom` at the root, and the settings where built-in rules do. */
export function customPolicyData(config: ConfigFile): Record<string, unknown> {
  return { ...config.customData, container_policy: { settings: config.policySettings } };
}

/**
 * The built-in catalogue with the configuration's per-rule severities (`rules.<id>.severity`), so every
 * report that describes rules (SARIF rule levels, the check run, the summary) agrees with the findings.
 */
export function configuredCatalogue(catalogue: Catalogue, config: ConfigFile): Catalogue {
  const severityOf = (id: string) => config.rules[id]?.severity;
  const kinds = Object.entries(catalogue).map(([kind, rules]) => [
    kind,
    Object.fromEntries(Object.entries(rules).map(([name, meta]) => [name, severityOf(meta.id) ? { ...meta, severity: severityOf(meta.id) } : meta])),
  ]);
  return Object.fromEntries(kinds) as Catalogue;
}
