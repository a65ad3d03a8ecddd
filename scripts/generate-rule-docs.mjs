#!/usr/bin/env node
// Writes docs/rules/<ID>.md for every rule and docs/rules/README.md (the catalogue table), from the
// metadata the policy build compiled into dist/policy/catalogue.json. Run `npm run policy:build`
// first; `npm run docs:rules` does both. Output is deterministic, so CI can regenerate and diff.
// Runs under tsx (it imports the report stage's control titles from TypeScript).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTROL_TITLES, FRAMEWORKS, FRAMEWORK_ORDER } from '../src/report/compliance-titles.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'docs', 'rules');
const KINDS = { dockerfile: 'Dockerfile', compose: 'Compose' };
const TOOLS = { hadolint: 'hadolint', trivy: 'Trivy', kics: 'KICS', checkov: 'Checkov' };

/** Every rule of the catalogue with its kind and Rego file, sorted by id. */
export function rulesOf(catalogue) {
  return Object.entries(catalogue)
    .flatMap(([kind, rules]) => Object.entries(rules).map(([name, rule]) => ({ ...rule, kind, file: `policies/${kind}/${name}.rego` })))
    .sort((a, b) => a.id.localeCompare(b.id));
}

// Table cells and headings come from our own metadata, but a `|` would still break a table row.
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The page of one rule. */
export function rulePage(rule) {
  const lines = [`# ${rule.id}: ${rule.title}`, '', `**Kind:** ${KINDS[rule.kind] ?? rule.kind} · **Severity:** ${rule.severity} · **Rule:** [\`${rule.file}\`](../../${rule.file})`, ''];
  lines.push(rule.description, '', '## How to fix', '', rule.remediation, '', '## Compliance', '');
  const mapped = FRAMEWORK_ORDER.filter((fw) => (rule.compliance?.[fw] ?? []).length > 0);
  if (mapped.length === 0) lines.push('Not mapped to a control (a correctness or hygiene rule).', '');
  else {
    lines.push('| framework | control | title |', '|---|---|---|');
    for (const fw of mapped) {
      for (const id of rule.compliance[fw]) {
        const suggested = FRAMEWORKS[fw].suggested ? ' (suggested anchor)' : '';
        lines.push(`| ${FRAMEWORKS[fw].name} | ${id} | ${cell(CONTROL_TITLES[fw]?.[id] ?? '')}${suggested} |`);
      }
    }
    lines.push('');
  }
  lines.push('## Also known as', '');
  const aliases = Object.entries(TOOLS).filter(([tool]) => (rule.aliases?.[tool] ?? []).length > 0);
  if (aliases.length === 0) lines.push('No equivalent rule in hadolint, Trivy, KICS or Checkov.', '');
  else for (const [tool, name] of aliases) lines.push(`- ${name}: ${rule.aliases[tool].map((a) => `\`${a}\``).join(', ')}`);
  if (aliases.length > 0) lines.push('');
  lines.push(`Suppress with the rule id \`${rule.id}\` (see [the configuration guide](../configuration.md)).`, '');
  return lines.join('\n');
}

/** The catalogue table of all rules, by kind. */
export function cataloguePage(rules) {
  const lines = [
    '# Rule catalogue',
    '',
    'Generated from each rule\'s `# METADATA` block by `npm run docs:rules`; do not edit by hand.',
    '',
  ];
  // Known kinds first, in their order, then any other kind the catalogue holds.
  const kinds = [...new Set([...Object.keys(KINDS), ...rules.map((r) => r.kind).sort()])];
  for (const kind of kinds) {
    const label = KINDS[kind] ?? kind;
    const ofKind = rules.filter((r) => r.kind === kind);
    if (ofKind.length === 0) continue;
    const deny = ofKind.filter((r) => r.severity === 'deny').length;
    lines.push(`## ${label} (${ofKind.length} rules: ${deny} deny, ${ofKind.length - deny} warn)`, '');
    lines.push('| id | severity | title | also known as |', '|---|---|---|---|');
    for (const r of ofKind) {
      const aka = ['hadolint', 'trivy', 'checkov'].flatMap((t) => r.aliases?.[t] ?? []);
      const kics = (r.aliases?.kics ?? []).length > 0 ? ['KICS'] : [];
      lines.push(`| [${r.id}](${r.id}.md) | ${r.severity} | ${cell(r.title)} | ${[...aka, ...kics].join(', ')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function main() {
  const catalogue = JSON.parse(readFileSync(join(root, 'dist', 'policy', 'catalogue.json'), 'utf8'));
  const rules = rulesOf(catalogue);
  mkdirSync(out, { recursive: true });
  // Pages of removed rules must not linger.
  for (const name of readdirSync(out)) if (name.endsWith('.md')) rmSync(join(out, name));
  for (const rule of rules) writeFileSync(join(out, `${rule.id}.md`), rulePage(rule));
  writeFileSync(join(out, 'README.md'), cataloguePage(rules));
  console.log(`docs/rules: ${rules.length} rule pages and README.md`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
