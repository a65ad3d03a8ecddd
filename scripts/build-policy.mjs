#!/usr/bin/env node
// Compiles policies/ into the artefacts the action loads at run time, all under dist/policy/:
//   policy.wasm, data.json  extracted from the `opa build -t wasm` bundle (the SDK cannot read a bundle)
//   catalogue.json          every rule's metadata, read from its METADATA block
// Output is byte-for-byte reproducible, so CI can rebuild and diff it. Refuses rules whose metadata
// is incomplete, and any builtin the Wasm runtime lacks (via policies/capabilities.json).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalogue, KINDS } from './lib/catalogue.mjs';
import { CAPABILITIES, IGNORE_NON_POLICY, opa, PolicyScriptError, root, runScript } from './lib/opa.mjs';
import { readTarGz } from './lib/tar.mjs';

const OUT_DIR = join(root, 'dist', 'policy');
// The built-in Docker daemon policy (policies/authz) answers as opa-docker-authz queries it, plus its audit document.
const ENTRYPOINTS = [...Object.keys(KINDS).map((kind) => `container_policy/main/${kind}`), 'docker/authz/allow', 'docker/authz/deny', 'docker/authz/audit'];
const BUNDLE_FILES = { '/policy.wasm': 'policy.wasm', '/data.json': 'data.json' };

function compileBundle() {
  const scratch = mkdtempSync(join(tmpdir(), 'policy-build-'));
  try {
    const bundle = join(scratch, 'bundle.tar.gz');
    opa([
      'build', '-t', 'wasm',
      '--capabilities', CAPABILITIES,
      ...IGNORE_NON_POLICY,
      '--ignore', '*_test.rego',
      ...ENTRYPOINTS.flatMap((entrypoint) => ['-e', entrypoint]),
      '-o', bundle,
      'policies',
    ]);
    return readTarGz(readFileSync(bundle));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function main() {
  // Metadata first: it fails faster and more often than compilation.
  const inspect = JSON.parse(opa(['inspect', '-a', '-f', 'json', 'policies']).stdout);
  const catalogue = buildCatalogue(inspect);
  const bundle = compileBundle();

  mkdirSync(OUT_DIR, { recursive: true });
  for (const [entry, file] of Object.entries(BUNDLE_FILES)) {
    const contents = bundle.get(entry);
    if (!contents) throw new PolicyScriptError(`the OPA bundle has no ${entry} (entries: ${[...bundle.keys()].join(', ')})`);
    writeFileSync(join(OUT_DIR, file), contents);
  }
  writeFileSync(join(OUT_DIR, 'catalogue.json'), JSON.stringify(catalogue, null, 2) + '\n');

  const counts = Object.entries(catalogue).map(([kind, rules]) => `${Object.keys(rules).length} ${kind}`);
  console.log(`dist/policy: policy.wasm, data.json, catalogue.json (${counts.join(', ')} rules)`);
}

runScript(main);
