/**
 * The configuration file's `policy-data` keys and the settings keys the built-in rules read
 * (`settings.value(key)` in policies/lib/settings.rego). The file speaks in the user's terms, one key
 * per idea; the rules keep their own per-family keys, so one user key may fill several settings,
 * converted where the rules want a different shape.
 */

/** One settings key a user key fills, and how its value is converted. */
export interface SettingsTarget {
  readonly key: string;
  readonly convert?: (value: unknown) => unknown;
}

/**
 * Secret-name patterns as the one case-insensitive regular expression the compose rule (CPC030) takes.
 * Each pattern is grouped so its own alternations and inline flags stay its own; no pattern at all
 * becomes an expression that matches nothing, which is what an empty list means for the Dockerfile rules.
 */
export function toSingleSecretPattern(value: unknown): string {
  const patterns = (value as readonly string[]).map((p) => `(?:${p})`);
  return patterns.length > 0 ? `(?i)${patterns.join('|')}` : '[^\\s\\S]';
}

/** `policy-data` key → the settings keys it fills. The schema (schema/container-policy.schema.json) types each value. */
export const POLICY_DATA_KEYS: Readonly<Record<string, readonly SettingsTarget[]>> = {
  'approved-registries': [{ key: 'dockerfile.trusted_registries' }, { key: 'compose.allowed_registries' }],
  'approved-base-images': [{ key: 'dockerfile.approved_base_images' }],
  'pinning-exempt-packages': [{ key: 'dockerfile.unpinned_packages_exempt' }],
  'secret-patterns': [{ key: 'dockerfile.secret_name_patterns' }, { key: 'compose.secret_env_pattern', convert: toSingleSecretPattern }],
  'secret-value-patterns': [{ key: 'dockerfile.secret_value_patterns' }],
  'system-directories': [{ key: 'dockerfile.system_directories' }],
  'sensitive-host-paths': [{ key: 'compose.sensitive_host_paths' }],
  'max-restart-retries': [{ key: 'compose.max_restart_retries' }],
};

/** `policy-data` keys whose values are regular expressions, checked when the file is read. */
export const REGEX_KEYS: readonly string[] = ['secret-patterns', 'secret-value-patterns'];

/** Every settings key some `policy-data` key fills. */
export const MAPPED_SETTINGS_KEYS: readonly string[] = Object.values(POLICY_DATA_KEYS).flatMap((targets) => targets.map((t) => t.key));

/** The settings values for the `policy-data` the user gave; keys not given are absent, so the rules' defaults apply. */
export function toPolicySettings(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const [key, targets] of Object.entries(POLICY_DATA_KEYS)) {
    if (!Object.hasOwn(data, key)) continue;
    for (const target of targets) settings[target.key] = target.convert ? target.convert(data[key]) : data[key];
  }
  return settings;
}
