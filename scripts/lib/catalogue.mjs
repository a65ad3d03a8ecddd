// Turns the annotations `opa inspect -a -f json` reports into the rule catalogue the action ships
// (dist/policy/catalogue.json), refusing rules whose metadata is missing or malformed. Pure: the
// caller runs OPA and writes the file.
import { PolicyScriptError } from './opa.mjs';

/** File kinds with an entrypoint in policies/main.rego, and the prefix of their rule ids. */
export const KINDS = { dockerfile: 'CPD', compose: 'CPC' };

/** Rule id prefixes of every catalogue kind: the file kinds, and `authz` for the built-in Docker daemon policy. */
export const ID_PREFIXES = { ...KINDS, authz: 'CPA' };

export const SEVERITIES = ['deny', 'warn'];

/** Control id shapes per framework (see the compliance reference), to catch typos and foreign numbering. */
export const FRAMEWORKS = {
  'cis-docker': /^[1-7]\.\d{1,2}$/,
  'nist-800-190': /^4\.\d\.\d{1,2}$/,
  'owasp-docker': /^D(0[1-9]|10)$/,
  'pci-dss': /^\d{1,2}(\.\d{1,2}){1,3}$/,
  soc2: /^(CC\d\.\d{1,2}|A1\.\d|C1\.\d|PI1\.\d|P\d\.\d)$/,
};

/** Other tools a finding can name an equivalent rule of. */
export const ALIAS_TOOLS = ['hadolint', 'trivy', 'kics', 'checkov'];

const CUSTOM_FIELDS = ['id', 'severity', 'remediation', 'compliance', 'aliases'];
const RULE_PACKAGE = /^data\.container_policy\.rules\.([a-z0-9_]+)\.([a-z0-9_]+)$/;
// The built-in daemon policy keeps opa-docker-authz's package, docker.authz, with one rule package per category.
const AUTHZ_PACKAGE = /^data\.docker\.authz\.rules\.([a-z0-9_]+)$/;

const isTestFile = (file) => file.endsWith('_test.rego');
const isText = (value) => typeof value === 'string' && value.trim() !== '';

/**
 * Builds `{ <kind>: { <rule_name>: entry } }` from `opa inspect` output. Throws a PolicyScriptError
 * listing every problem, each with the file it is in.
 */
export function buildCatalogue(inspect) {
  const problems = [];
  const metadata = packageAnnotations(inspect.annotations ?? []);
  const catalogue = Object.fromEntries(Object.keys(ID_PREFIXES).map((kind) => [kind, {}]));
  const owners = new Map(); // rule id -> file that declared it first

  for (const [namespace, files] of Object.entries(inspect.namespaces ?? {})) {
    const authz = AUTHZ_PACKAGE.exec(namespace);
    const match = RULE_PACKAGE.exec(namespace) ?? (authz ? [namespace, 'authz', authz[1]] : null);
    const policyFiles = files.filter((file) => !isTestFile(file));
    if (!match || policyFiles.length === 0) continue;
    const [, kind, name] = match;
    const file = policyFiles.join(', ');
    const expected = `policies/${kind}/${name}.rego`;
    if (policyFiles.length !== 1 || policyFiles[0] !== expected) {
      problems.push(`${file}: package ${namespace.slice(5)} must be alone in ${expected}`);
    }
    if (!(kind in ID_PREFIXES)) {
      problems.push(`${file}: unknown kind "${kind}" (known: ${Object.keys(ID_PREFIXES).join(', ')})`);
      continue;
    }
    const annotation = metadata.get(namespace);
    if (!annotation) {
      problems.push(`${file}: no "# METADATA" block with scope package`);
      continue;
    }
    const entry = toEntry(annotation, kind, (problem) => problems.push(`${file}: ${problem}`));
    if (isText(entry.id) && owners.has(entry.id)) {
      problems.push(`${file}: id ${entry.id} is already used by ${owners.get(entry.id)}`);
    } else if (isText(entry.id)) {
      owners.set(entry.id, file);
    }
    catalogue[kind][name] = entry;
  }

  if (owners.size === 0 && problems.length === 0) problems.push('policies/: no rule packages found');
  if (problems.length > 0) {
    throw new PolicyScriptError(`invalid rule metadata:\n  ${problems.join('\n  ')}`);
  }
  return sortKeys(catalogue);
}

function packageAnnotations(annotations) {
  const byPackage = new Map();
  for (const { annotations: a, location, path } of annotations) {
    if (a?.scope !== 'package' || isTestFile(location?.file ?? '')) continue;
    const namespace = path.map((segment) => segment.value).join('.');
    byPackage.set(namespace, a);
  }
  return byPackage;
}

function toEntry(annotation, kind, report) {
  const custom = annotation.custom ?? {};
  for (const field of ['title', 'description']) {
    if (!isText(annotation[field])) report(`metadata needs a non-empty "${field}"`);
  }
  for (const field of CUSTOM_FIELDS) {
    if (!(field in custom)) report(`metadata needs "custom.${field}"`);
  }
  for (const field of Object.keys(custom)) {
    if (!CUSTOM_FIELDS.includes(field)) report(`unknown field "custom.${field}" (known: ${CUSTOM_FIELDS.join(', ')})`);
  }
  const idPattern = new RegExp(`^${ID_PREFIXES[kind]}\\d{3}$`);
  if ('id' in custom && !(typeof custom.id === 'string' && idPattern.test(custom.id))) {
    report(`custom.id "${custom.id}" must look like ${ID_PREFIXES[kind]}001 for a ${kind} rule`);
  }
  if ('severity' in custom && !SEVERITIES.includes(custom.severity)) {
    report(`custom.severity "${custom.severity}" is not one of ${SEVERITIES.join(', ')}`);
  }
  if ('remediation' in custom && !isText(custom.remediation)) report('custom.remediation must be non-empty text');
  if ('compliance' in custom) checkLists(custom.compliance, 'compliance', FRAMEWORKS, report);
  if ('aliases' in custom) {
    checkLists(custom.aliases, 'aliases', Object.fromEntries(ALIAS_TOOLS.map((t) => [t, /^\S+$/])), report);
  }
  return {
    id: custom.id,
    title: annotation.title,
    description: annotation.description,
    severity: custom.severity,
    remediation: custom.remediation,
    compliance: custom.compliance,
    aliases: custom.aliases,
  };
}

/** Checks an object has exactly the given keys, each a list of strings matching the key's pattern. */
function checkLists(value, field, patterns, report) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    report(`custom.${field} must be a mapping with keys ${Object.keys(patterns).join(', ')}`);
    return;
  }
  const known = Object.keys(patterns);
  for (const key of known) {
    if (!(key in value)) report(`custom.${field} needs "${key}" (an empty list when nothing applies)`);
  }
  for (const [key, list] of Object.entries(value)) {
    if (!known.includes(key)) {
      report(`unknown key "${key}" in custom.${field} (known: ${known.join(', ')})`);
    } else if (!Array.isArray(list)) {
      report(`custom.${field}.${key} must be a list`);
    } else {
      for (const item of list) {
        if (typeof item !== 'string' || !patterns[key].test(item)) {
          report(`custom.${field}.${key} has a malformed entry ${JSON.stringify(item)}`);
        }
      }
    }
  }
}

/** Copies a JSON value with every object's keys sorted, so the output is byte-for-byte stable. */
export function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key])]),
  );
}
