// The Wasm side of section 3: loads dist/policy/policy.wasm once and evaluates every input document
// of the batch file, as src/evaluate/policy-engine.ts does, printing findings per document as JSON.
// Plain JavaScript run by node, so it starts as the bundled action starts (no TypeScript loader).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicy } from '@open-policy-agent/opa-wasm';

const [policyDir, inputsPath] = process.argv.slice(2);
const policy = await loadPolicy(readFileSync(join(policyDir, 'policy.wasm')));
policy.setData(JSON.parse(readFileSync(join(policyDir, 'data.json'), 'utf8')));
const { bench_inputs: inputs } = JSON.parse(readFileSync(inputsPath, 'utf8'));
const counts = {};
for (const kind of ['dockerfile', 'compose']) {
  counts[`${kind}_counts`] = inputs[kind].map((doc) => {
    const [first] = policy.evaluate(doc, `container_policy/main/${kind}`);
    return Object.values(first.result).reduce((sum, findings) => sum + findings.length, 0);
  });
}
process.stdout.write(JSON.stringify(counts));
