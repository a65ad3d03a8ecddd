// How each built-in rule of one kind grows with its input: every rule of policies/<kind>/ compiled as
// its own Wasm entrypoint, evaluated alone on an input at a size and at four times it. Used by
// bench/rule-growth.bench.mjs; figures, not a test.
import { readdirSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadPolicy } from '@open-policy-agent/opa-wasm';
import { CAPABILITIES, opa, root } from '../../scripts/lib/opa.mjs';
import { readTarGz } from '../../scripts/lib/tar.mjs';

/** Growth above this at four times the size is flagged (linear is 4). */
export const GROWTH = 6;
/** …when the larger input takes over this many milliseconds. */
export const FLOOR = 100;
// Below this, growth is mostly the clock and the garbage collector.
const NOTICEABLE = 20;

/** The rules of one kind (`dockerfile`, `compose`), by file name. */
export function rulesOf(kind) {
  return readdirSync(join(root, 'policies', kind))
    .filter((name) => name.endsWith('.rego') && !name.endsWith('_test.rego'))
    .map((name) => name.slice(0, -'.rego'.length))
    .sort();
}

const entrypoint = (kind, rule) => `container_policy/rules/${kind}/${rule}/findings`;

/** A module with every rule of `kind` as an entrypoint, and a way to get a new instance of it. */
async function compile(kind, rules) {
  const scratch = mkdtempSync(join(tmpdir(), 'rule-growth-'));
  try {
    const tarball = join(scratch, 'bundle.tar.gz');
    opa(['build', '-t', 'wasm', '--capabilities', CAPABILITIES, '--ignore', '*_test.rego', '--ignore', 'capabilities.json', ...rules.flatMap((r) => ['-e', entrypoint(kind, r)]), '-o', tarball, 'policies']);
    const bundle = readTarGz(readFileSync(tarball));
    const data = JSON.parse(bundle.get('/data.json').toString('utf8'));
    return async () => {
      // The product's memory (POLICY_MEMORY_PAGES in src/evaluate/instantiate-policy.ts).
      const policy = await loadPolicy(bundle.get('/policy.wasm'), { initial: 16_384, maximum: 16_384 });
      policy.setData(data);
      return policy;
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Times every rule of `kind` on each case: `cases` yields [label, smaller input, larger input] (input
 * documents, the larger four times the smaller), one at a time so that only one pair is held. Returns
 * what to print.
 */
export async function measureGrowth(kind, cases) {
  const rules = rulesOf(kind);
  const instance = await compile(kind, rules);
  let policy = await instance();
  const failures = [];
  const msOf = (input, rule, label) => {
    const start = performance.now();
    try {
      policy.evaluate(input, entrypoint(kind, rule));
    } catch (error) {
      failures.push(`${rule} (${label}): ${error instanceof Error ? error.message : String(error)}`);
      return Infinity;
    }
    return performance.now() - start;
  };
  const worst = new Map(rules.map((rule) => [rule, { growth: 0, where: '' }]));
  const flagged = [];
  let count = 0;
  for (const [label, small, large] of cases) {
    count += 1;
    for (const rule of rules) {
      const [a, b] = [small, large].map((input) => msOf(input, rule, label));
      // A failed evaluation leaves the module's memory grown to whatever it reached: start from a new instance.
      if (!Number.isFinite(a) || !Number.isFinite(b)) policy = await instance();
      const growth = b / Math.max(a, 1);
      if (b > NOTICEABLE && growth > worst.get(rule).growth) worst.set(rule, { growth, where: `${label}: ${a.toFixed(0)} → ${b.toFixed(0)} ms` });
      if (growth > GROWTH && b > FLOOR) flagged.push(`| ${rule} | ${label} | ${a.toFixed(0)} ms | ${Number.isFinite(b) ? `${b.toFixed(0)} ms` : 'failed'} | ${Number.isFinite(growth) ? `${growth.toFixed(1)}×` : ''} |`);
    }
  }
  return { rules, cases: count, flagged, failures, steepest: [...worst].sort((x, y) => y[1].growth - x[1].growth).slice(0, 5) };
}

/** The report of one kind's measurement, as printed. */
export function growthReport(kind, { rules, cases, flagged, failures, steepest }) {
  const lines = [`## ${kind}: ${rules.length} rules × ${cases} inputs, each at a size and at four times it (linear growth is 4×)`, ''];
  if (flagged.length === 0) lines.push(`No rule grew more than ${GROWTH}× to over ${FLOOR} ms.`, '');
  else lines.push('| rule | input | smaller | larger | growth |', '|---|---|---|---|---|', ...flagged, '');
  if (failures.length > 0) lines.push('Evaluations that failed:', ...failures.map((f) => `  ${f}`), '');
  lines.push(`The five steepest growths of rules taking over ${NOTICEABLE} ms at the larger size:`);
  for (const [rule, { growth, where }] of steepest) lines.push(`  ${rule}: ${growth.toFixed(1)}× (${where || 'none that large'})`);
  return `${lines.join('\n')}\n`;
}
