import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { serialiseInput, type FuzzOutcome } from './run-target.js';

// The long fuzz run: `npm run fuzz` (100,000 cases per target), or
// `npm run fuzz -- --cases 5000 --targets compose,pipeline --seed 42`.
// Each target runs in a worker thread; a case that makes no progress for --hang-seconds is a hang and
// stops that target. Prints cases, crashes (grouped) and peak RSS; writes each crash's first input to
// --out. Exits 1 when anything crashed or hung.

const TARGETS = ['dockerfile', 'compose', 'pipeline', 'corpus'];
const root = fileURLToPath(new URL('..', import.meta.url));

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? (process.argv[i + 1] as string) : fallback;
}

const numRuns = Number(option('cases', '100000'));
const seed = Number(option('seed', String(Date.now() % 2 ** 31)));
const hangMs = Number(option('hang-seconds', '60')) * 1000;
const names = option('targets', TARGETS.join(',')).split(',');
const out = option('out', join(tmpdir(), `container-policy-fuzz-${seed}`));
for (const name of names) if (!TARGETS.includes(name)) throw new Error(`unknown target ${name}; targets: ${TARGETS.join(', ')}`);
if (!Number.isInteger(numRuns) || numRuns < 1) throw new Error(`--cases must be a positive integer, not ${option('cases', '')}`);

interface Report {
  outcome?: FuzzOutcome;
  what?: string;
  skipped?: string;
  hang?: number;
  maxRssKb?: number;
}

function runWorker(name: string): Promise<Report> {
  const progress = new SharedArrayBuffer(4);
  const counter = new Int32Array(progress);
  // Workers do not inherit the TypeScript loader; tsx's API registers it inside the thread.
  const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { name, numRuns, seed, root, progress } });
  return new Promise((resolve, reject) => {
    let last = -1;
    let since = Date.now();
    const watchdog = setInterval(() => {
      const now = Atomics.load(counter, 0);
      if (now !== last) return void ((last = now), (since = Date.now()));
      if (Date.now() - since > hangMs) {
        clearInterval(watchdog);
        void worker.terminate();
        resolve({ hang: now });
      }
    }, 1000);
    worker.on('message', (m: Report) => (clearInterval(watchdog), resolve(m)));
    worker.on('error', (e) => (clearInterval(watchdog), reject(e)));
  });
}

console.log(`fuzz: ${numRuns} cases per target, seed ${seed}, targets ${names.join(', ')}`);
let failed = false;
let total = 0;
for (const name of names) {
  const report = await runWorker(name);
  if (report.skipped) {
    console.log(`\n[${name}] ${report.skipped}`);
    continue;
  }
  if (report.hang !== undefined) {
    failed = true;
    console.log(`\n[${name}] HANG: case ${report.hang} made no progress for ${hangMs / 1000}s (replay with --seed ${seed} --targets ${name} --cases ${report.hang + 1})`);
    continue;
  }
  const outcome = report.outcome as FuzzOutcome;
  total += outcome.cases;
  const rate = Math.round(outcome.cases / (outcome.ms / 1000));
  console.log(`\n[${name}] ${report.what}`);
  console.log(`  cases ${outcome.cases}, crashes ${outcome.crashes.reduce((n, c) => n + c.count, 0)} (${outcome.crashes.length} distinct), ${(outcome.ms / 1000).toFixed(1)} s (${rate}/s), peak RSS ${Math.round((report.maxRssKb ?? 0) / 1024)} MiB`);
  for (const [i, crash] of outcome.crashes.entries()) {
    failed = true;
    mkdirSync(out, { recursive: true });
    const file = join(out, `${name}-${i + 1}.json`);
    writeFileSync(file, serialiseInput({ target: name, seed, caseIndex: crash.caseIndex, signature: crash.signature, input: crash.example }) + '\n');
    console.log(`  CRASH x${crash.count}: ${crash.signature}\n    first input (case ${crash.caseIndex}): ${file}`);
  }
}
console.log(`\nfuzz: ${total} cases in all, ${failed ? 'FAILURES above' : 'no crashes, no hangs'}`);
process.exitCode = failed ? 1 : 0;
