#!/usr/bin/env node
// Compiles the policy the benchmark compares, from policies/ as it is now, next to a copy of the
// bundled CLI (which finds the policy beside itself):
//   subset  only the built-in rules the conftest policy (bench/conftest-policy) mirrors, so both
//           tools run the same checks;
//   all     every rule, so `opa eval` and the Wasm module run the very same Rego.
// Usage: node bench/build-bench-policy.mjs <dist dir> <output dir> <subset|all>
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS } from '../scripts/lib/catalogue.mjs';
import { CAPABILITIES, opa, root, runScript } from '../scripts/lib/opa.mjs';
import { optimizeWasm } from '../scripts/lib/optimize-wasm.mjs';
import { readTarGz } from '../scripts/lib/tar.mjs';

/** The rules of the side-by-side comparison with conftest. */
export const SUBSET = ['dockerfile/image_tag', 'dockerfile/root_user', 'compose/privileged', 'compose/docker_socket'];

function main() {
  const [distDir, outDir] = process.argv.slice(2, 4).map((p) => join(root, p));
  const all = process.argv[4] === 'all';
  const rules = all ? allRules() : SUBSET;
  const staged = join(outDir, 'policies');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(staged, 'lib'), { recursive: true });
  cpSync(join(root, 'policies', 'main.rego'), join(staged, 'main.rego'));
  cpSync(join(root, 'policies', 'lib'), join(staged, 'lib'), { recursive: true, filter: (src) => !src.endsWith('_test.rego') });
  for (const rule of rules) {
    mkdirSync(join(staged, rule.split('/')[0]), { recursive: true });
    cpSync(join(root, 'policies', `${rule}.rego`), join(staged, `${rule}.rego`));
  }
  const tarball = join(outDir, 'bundle.tar.gz');
  const entrypoints = Object.keys(KINDS).flatMap((kind) => ['-e', `container_policy/main/${kind}`]);
  opa(['build', '-t', 'wasm', '--capabilities', CAPABILITIES, ...entrypoints, '-o', tarball, staged]);
  const bundle = readTarGz(readFileSync(tarball));
  mkdirSync(join(outDir, 'policy'));
  // Optimized as dist/policy/policy.wasm is (scripts/build-policy.mjs), so the comparison is with the module the product runs.
  writeFileSync(join(outDir, 'policy', 'policy.wasm'), optimizeWasm(bundle.get('/policy.wasm')));
  writeFileSync(join(outDir, 'policy', 'data.json'), bundle.get('/data.json'));
  // The Wasm-only comparison needs no CLI and no catalogue.
  if (all) return;
  // The CLI finds its worker thread and the shell parser it loads at run time beside itself, as in dist/.
  for (const part of ['cli', 'worker', 'node_modules']) cpSync(join(distDir, part), join(outDir, part), { recursive: true });
  // The built catalogue's entries for the subset (its metadata was validated when dist/policy was built).
  const full = JSON.parse(readFileSync(join(distDir, 'policy', 'catalogue.json'), 'utf8'));
  const catalogue = Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, {}]));
  for (const rule of rules) {
    const [kind, name] = rule.split('/');
    if (!full[kind]?.[name]) throw new Error(`${rule} is not in ${distDir}/policy/catalogue.json`);
    catalogue[kind][name] = full[kind][name];
  }
  writeFileSync(join(outDir, 'policy', 'catalogue.json'), JSON.stringify(catalogue));
}

/** Every built-in rule of the file kinds, as `<kind>/<rule>`. */
function allRules() {
  return Object.keys(KINDS).flatMap((kind) =>
    readdirSync(join(root, 'policies', kind))
      .filter((name) => name.endsWith('.rego') && !name.endsWith('_test.rego'))
      .map((name) => `${kind}/${name.slice(0, -'.rego'.length)}`),
  );
}

runScript(main);
