import type { ConfigFile } from '../config/config-file.js';
import { builtinPolicyData, configuredCatalogue, customPolicyData } from '../config/config-file-data.js';
import type { TrustedFiles } from '../config/config-file-fs.js';
import { UserError } from '../errors.js';
import { SUPPRESSION_RULES, checkConfiguredRuleIds } from './apply-config.js';
import { inComposeFile } from './embedded-findings.js';
import { configurationRefiner, type FileRefiner } from './file-refiner.js';
import type { OpaRunner } from './custom-policy-build-fs.js';
import type { CustomPolicyEngine } from './custom-policy-engine.js';
import { loadCustomPolicies } from './custom-policy-load-fs.js';
import { loadPolicyEngine, type PolicyEngine } from './policy-engine.js';
import type { PolicyBundle } from './policy-bundle-fs.js';

/** The built-in engine with the configuration's policy data set (data.container_policy.settings) and its rule severities. */
export function loadConfiguredEngine(bundle: PolicyBundle, config: ConfigFile): Promise<PolicyEngine> {
  return loadPolicyEngine({ ...bundle, data: builtinPolicyData(bundle.data, config), catalogue: configuredCatalogue(bundle.catalogue, config) });
}

/**
 * Loads the custom policies and returns the refiner the pipeline applies to every file. The
 * configuration's rule names are checked against every rule now loaded, so a typo fails the run.
 */
export async function loadRefiner(
  engine: PolicyEngine,
  config: ConfigFile,
  request: { readonly policyPaths: readonly string[]; readonly namespaces: readonly string[] },
  files: TrustedFiles,
  runner: OpaRunner,
  // Rule ids that other loaded policies (the Docker daemon policies) report under.
  alsoKnown: (id: string) => boolean = () => false,
): Promise<FileRefiner> {
  const custom = await loadCustomPolicies({ paths: request.policyPaths, namespaces: request.namespaces, data: customPolicyData(config) }, files, runner);
  const builtinIds = Object.values(engine.catalogue).flatMap((rules) => Object.values(rules).map((meta) => meta.id));
  checkCustomIds(custom, builtinIds);
  checkConfiguredRuleIds(config, [...builtinIds, ...Object.values(SUPPRESSION_RULES)], (id) => alsoKnown(id) || custom.some((c) => c.knows(id)));
  const applyConfiguration = configurationRefiner(config);
  if (custom.length === 0) return applyConfiguration;
  return (checked, parsed) => {
    const findings = [...checked.findings];
    const errors = [...checked.errors];
    for (const policy of custom) {
      // A compose service's inline Dockerfile is checked by the Dockerfile policies too, its findings placed in the compose file.
      const outs = [policy.check(parsed), ...(parsed.embedded ?? []).flatMap((e) => (e.parsed ? [inComposeFile(e, policy.check(e.parsed))] : []))];
      for (const out of outs) {
        // Loops, not spreads: a file can have more findings than a call takes arguments.
        for (const finding of out.findings) findings.push(finding);
        for (const error of out.errors) errors.push(error);
      }
    }
    return applyConfiguration({ findings, errors }, parsed);
  };
}

/** A custom rule may not take a built-in rule's id: reports and suppressions would confuse the two. */
function checkCustomIds(custom: readonly CustomPolicyEngine[], builtinIds: readonly string[]): void {
  for (const policy of custom) {
    for (const [key, meta] of Object.entries(policy.catalogue)) {
      if (meta.id && builtinIds.includes(meta.id)) {
        throw new UserError(`Custom rule ${key} in ${policy.source} uses the id ${meta.id}, which a built-in rule has; choose another id.`);
      }
    }
  }
}
