#!/usr/bin/env node
// Checks policies/ the way CI does: formatting, strict compilation against the Wasm capabilities,
// sprintf verbs the Wasm runtime can format, then the Rego unit tests with a coverage floor. Stops at
// the first failing step.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CAPABILITIES, IGNORE_NON_POLICY, opa, PolicyScriptError, root, runScript } from './lib/opa.mjs';
import { refusedSprintfVerbs, WASM_SPRINTF_VERBS } from './lib/sprintf-verbs.mjs';

// Percentage of policy lines (test files excluded) the Rego tests must exercise.
const COVERAGE_THRESHOLD = 90;

function checkFormat() {
  const unformatted = opa(['fmt', '--list', 'policies']).stdout.trim();
  if (unformatted) {
    throw new PolicyScriptError(`not formatted (run scripts/opa fmt -w policies):\n  ${unformatted.split('\n').join('\n  ')}`);
  }
}

function checkCompile() {
  opa(['check', '--strict', '--capabilities', CAPABILITIES, ...IGNORE_NON_POLICY, 'policies']);
}

function checkSprintfVerbs() {
  const refused = regoFiles(join(root, 'policies')).flatMap((file) =>
    refusedSprintfVerbs(readFileSync(file, 'utf8')).map(({ line, verb }) => `${relative(root, file)}:${line}: sprintf verb ${verb}`),
  );
  if (refused.length > 0) {
    const known = [...WASM_SPRINTF_VERBS].map((v) => `%${v}`).join(' ');
    throw new PolicyScriptError(`sprintf verbs the compiled policy cannot format (it knows ${known}):\n  ${refused.join('\n  ')}`);
  }
}

function regoFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return regoFiles(path);
    return entry.name.endsWith('.rego') && !entry.name.endsWith('_test.rego') ? [path] : [];
  });
}

function checkTests() {
  // A plain run first: on failure its report says which test failed and why.
  const run = opa(['test', '--fail-on-empty', ...IGNORE_NON_POLICY, 'policies'], { allowFailure: true });
  if (run.status !== 0) throw new PolicyScriptError(`Rego tests failed:\n${run.stdout}${run.stderr}`);
  console.log(run.stdout.trim());

  const report = JSON.parse(opa(['test', '-c', ...IGNORE_NON_POLICY, 'policies']).stdout);
  const files = Object.entries(report.files).filter(([file]) => !file.endsWith('_test.rego'));
  let covered = 0;
  let total = 0;
  const below = [];
  for (const [file, stats] of files) {
    const fileCovered = stats.covered_lines ?? 0;
    const fileTotal = fileCovered + (stats.not_covered_lines ?? 0);
    covered += fileCovered;
    total += fileTotal;
    const percent = fileTotal === 0 ? 100 : (100 * fileCovered) / fileTotal;
    if (percent < COVERAGE_THRESHOLD) {
      const lines = (stats.not_covered ?? []).map((range) => range.start.row);
      below.push(`${file}: ${percent.toFixed(1)}% (not covered: lines ${[...new Set(lines)].join(', ')})`);
    }
  }
  const overall = total === 0 ? 0 : (100 * covered) / total;
  if (overall < COVERAGE_THRESHOLD || below.length > 0) {
    throw new PolicyScriptError(
      `Rego coverage ${overall.toFixed(1)}% overall; every policy file needs ${COVERAGE_THRESHOLD}%:\n  ${below.join('\n  ')}`,
    );
  }
  console.log(`coverage: ${overall.toFixed(1)}% of ${total} policy lines in ${files.length} files`);
}

function main() {
  checkFormat();
  checkCompile();
  checkSprintfVerbs();
  checkTests();
  console.log('policies: formatted, compiled against the Wasm capabilities, tested');
}

runScript(main);
