#!/usr/bin/env node
// Regenerates policies/capabilities.json from the capabilities file the Wasm SDK ships, so compiling
// against it rejects any builtin the Node runtime cannot execute. Run after upgrading the SDK.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = `${root}node_modules/@open-policy-agent/opa-wasm/capabilities.json`;
const target = `${root}policies/capabilities.json`;

// Listed by the SDK but neither compiled into the Wasm module nor implemented in JavaScript:
// a policy using them would compile and then fail at evaluation time.
const UNAVAILABLE = new Set(['rand.intn', 'time.diff']);

const sdk = JSON.parse(readFileSync(source, 'utf8'));
const capabilities = {
  builtins: sdk.builtins.filter((b) => !UNAVAILABLE.has(b.name)),
  wasm_abi_versions: sdk.wasm_abi_versions,
  // OPA 1.x parses policies as Rego v1 only when the capabilities declare it.
  features: ['rego_v1'],
};
writeFileSync(target, JSON.stringify(capabilities, null, 2) + '\n');
console.log(`wrote ${target.slice(root.length)}: ${capabilities.builtins.length} builtins`);
