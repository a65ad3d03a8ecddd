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
