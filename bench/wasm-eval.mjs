// The Wasm side of section 3: loads dist/policy/policy.wasm once and evaluates every input document
// of the batch file, as src/evaluate/policy-engine.ts does, printing findings per document as JSON
// and, on one thread, the time the evaluation itself took (`evaluation`).
// With `--workers N` the documents are shared out among N worker threads, each with its own instance
// of the module compiled once here, as a big scan does (src/parallel/); the output is the same.
// Plain JavaScript run by node, so it starts as the bundled action starts (no TypeScript loader).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadPolicy } from '@open-policy-agent/opa-wasm';

const KINDS = ['dockerfile', 'compose'];
// The memory the product's instances have (POLICY_MEMORY_PAGES in src/evaluate/instantiate-policy.ts):
// OPA's allocator grows memory slowly beyond the size it finds at start.
const POLICY_MEMORY_PAGES = 16_384;

async function counter(module, data) {
  const policy = await loadPolicy(module, { initial: POLICY_MEMORY_PAGES, maximum: POLICY_MEMORY_PAGES });
  policy.setData(data);
  return (doc, kind) => {
    const [first] = policy.evaluate(doc, `container_policy/main/${kind}`);
    return Object.values(first.result).reduce((sum, findings) => sum + findings.length, 0);
  };
}

if (isMainThread) {
  const args = process.argv.slice(2);
  const flag = args.indexOf('--workers');
  const workers = flag >= 0 ? Number(args.splice(flag, 2)[1]) : 0;
  const [policyDir, inputsPath] = args;
  const module = await WebAssembly.compile(readFileSync(join(policyDir, 'policy.wasm')));
  const data = JSON.parse(readFileSync(join(policyDir, 'data.json'), 'utf8'));
  const { bench_inputs: inputs } = JSON.parse(readFileSync(inputsPath, 'utf8'));
  const counts = {};
  if (workers > 0) {
    // Document i goes to thread i mod N, so that long runs of big files are shared too.
    const jobs = Array.from({ length: workers }, (_, w) => ({ module, data, inputs: Object.fromEntries(KINDS.map((kind) => [kind, inputs[kind].filter((_, i) => i % workers === w)])) }));
    const answers = await Promise.all(
      jobs.map((job) => new Promise((resolve, reject) => new Worker(new URL(import.meta.url), { workerData: job }).once('message', resolve).once('error', reject))),
    );
    for (const kind of KINDS) counts[`${kind}_counts`] = inputs[kind].map((_, i) => answers[i % workers][kind][Math.floor(i / workers)]);
  } else {
    const count = await counter(module, data);
    // The evaluation alone, timed apart from loading the documents and the module: the least time any
    // scan of these files spends in the policy on one thread.
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    for (const kind of KINDS) counts[`${kind}_counts`] = inputs[kind].map((doc) => count(doc, kind));
    const wallMs = performance.now() - start;
    const { user, system } = process.cpuUsage(cpuBefore);
    counts.evaluation = { documents: KINDS.reduce((sum, kind) => sum + inputs[kind].length, 0), wallMs, cpuMs: (user + system) / 1000 };
  }
  process.stdout.write(JSON.stringify(counts));
} else {
  const count = await counter(workerData.module, workerData.data);
  parentPort.postMessage(Object.fromEntries(KINDS.map((kind) => [kind, workerData.inputs[kind].map((doc) => count(doc, kind))])));
}
