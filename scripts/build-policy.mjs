#!/usr/bin/env node
// Compiles policies/ into the artefacts the action loads at run time, all under dist/policy/:
//   policy.wasm, data.json  extracted from the `opa build -t wasm` bundle (the SDK cannot read a bundle),
//                           policy.wasm then optimized by binaryen (scripts/lib/optimize-wasm.mjs)
//   catalogue.json          every rule's metadata, read from its METADATA block
// Output is byte-for-byte reproducible, so CI can rebuild and diff it. Refuses rules whose metadata
// is incomplete, and any builtin the Wasm runtime lacks (via policies/capabilities.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalogue } from './lib/catalogue.mjs';
import { compilePolicyBundle } from './lib/compile-policy.mjs';
import { opa, PolicyScriptError, root, runScript } from './lib/opa.mjs';
import { optimizeWasm } from './lib/optimize-wasm.mjs';

const OUT_DIR = join(root, 'dist', 'policy');
const BUNDLE_FILES = { '/policy.wasm': 'policy.wasm', '/data.json': 'data.json' };

function main() {
  // Metadata first: it fails faster and more often than compilation.
  const inspect = JSON.parse(opa(['inspect', '-a', '-f', 'json', 'policies']).stdout);
  const catalogue = buildCatalogue(inspect);
  const bundle = compilePolicyBundle();

  mkdirSync(OUT_DIR, { recursive: true });
  for (const [entry, file] of Object.entries(BUNDLE_FILES)) {
    const contents = bundle.get(entry);
    if (!contents) throw new PolicyScriptError(`the OPA bundle has no ${entry} (entries: ${[...bundle.keys()].join(', ')})`);
    writeFileSync(join(OUT_DIR, file), file === 'policy.wasm' ? optimizeWasm(contents) : contents);
  }
  writeFileSync(join(OUT_DIR, 'catalogue.json'), JSON.stringify(catalogue, null, 2) + '\n');

  const counts = Object.entries(catalogue).map(([kind, rules]) => `${Object.keys(rules).length} ${kind}`);
  console.log(`dist/policy: policy.wasm, data.json, catalogue.json (${counts.join(', ')} rules)`);
}

runScript(main);
