import { UserError } from '../errors.js';
import type { CustomCatalogue, CustomRuleMeta } from './custom-policy.js';

interface InspectAnnotation {
  readonly annotations?: { scope?: string; title?: string; description?: string; custom?: Record<string, unknown> };
  readonly location?: { file?: string; row?: number };
  readonly path?: readonly { value?: unknown }[];
}

const SEVERITIES = ['deny', 'warn'];

/**
 * Reads custom rules' METADATA from `opa inspect -a -f json` output into a catalogue keyed
 * `<namespace>` (package scope) and `<namespace>.<rule>` (rule scope). One rule written in several
 * bodies may carry one METADATA block, or identical ones: with different blocks no result could be
 * told apart, so that is refused with the place to fix.
 */
export function readCustomMetadata(inspect: unknown, displayRoot: (file: string) => string): CustomCatalogue {
  const annotations = ((inspect as { annotations?: InspectAnnotation[] })?.annotations ?? []).filter(
    (a) => !(a.location?.file ?? '').endsWith('_test.rego'),
  );
  const catalogue: Record<string, CustomRuleMeta> = {};
  const origin: Record<string, string> = {};
  const problems: string[] = [];
  for (const { annotations: a, location, path } of annotations) {
    if (!a || !path) continue;
    const where = `${displayRoot(location?.file ?? '?')}:${location?.row ?? '?'}`;
    const key = path.slice(1).map((s) => String(s.value)).join('.');
    const custom = a.custom ?? {};
    const severity = custom.severity;
    if (severity !== undefined && !SEVERITIES.includes(severity as string)) {
      problems.push(`${where}: custom.severity ${JSON.stringify(severity)} is not one of ${SEVERITIES.join(', ')}`);
      continue;
    }
    if (custom.id !== undefined && (typeof custom.id !== 'string' || !/^[A-Za-z][A-Za-z0-9_.-]*$/.test(custom.id))) {
      problems.push(`${where}: custom.id ${JSON.stringify(custom.id)} must be a word such as ACME001`);
      continue;
    }
    const meta: CustomRuleMeta = {
      ...(typeof custom.id === 'string' ? { id: custom.id } : {}),
      ...(a.title ? { title: a.title } : {}),
      ...(a.description ? { description: a.description } : {}),
      ...(severity ? { severity: severity as 'deny' | 'warn' } : {}),
      ...(typeof custom.remediation === 'string' ? { remediation: custom.remediation } : {}),
      ...(isListMap(custom.compliance) ? { compliance: custom.compliance } : {}),
      ...(isListMap(custom.aliases) ? { aliases: custom.aliases } : {}),
    };
    const existing = catalogue[key];
    if (existing && JSON.stringify(existing) !== JSON.stringify(meta)) {
      problems.push(`${where}: ${key} already has different METADATA at ${origin[key]}; put each rule with its own metadata in its own package, or a rule name of its own (deny_<name>)`);
      continue;
    }
    catalogue[key] = meta;
    origin[key] = where;
  }
  if (problems.length > 0) throw new UserError(`Invalid custom policy metadata:\n  ${problems.join('\n  ')}`);
  return catalogue;
}

function isListMap(value: unknown): value is Record<string, string[]> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((list) => Array.isArray(list) && list.every((item) => typeof item === 'string'))
  );
}
