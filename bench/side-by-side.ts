// Section 3: the same work done by other evaluators in the same run.
//  a) The same Rego over the same input documents: OPA's interpreter (`opa eval`, every document in one
//     process) against our Wasm module (one node process loading policy.wasm once).
//  b) conftest over the same files with the equivalent subset of rules (bench/conftest-policy), against
//     our CLI with a policy built from only those rules (bench/build-bench-policy.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT, SCRATCH, type CorpusFile } from './lib/corpus.js';
import { evaluationAlone, evaluationFigures, WASM_EVAL } from './lib/evaluation-alone.js';
import { inputDocuments } from './lib/input-documents.js';
import { medianOf, runMeasured, type ProcessRun, type RunMedians } from './lib/measure.js';
import { cpu, mib, ms, ratio, type Row } from './lib/table.js';
import { CONFTEST, DIST, NODE, OPA } from './lib/tools.js';
import { defaultParallelSettings } from '../src/parallel/pool-settings.js';

export const SPEEDUP_TARGET = 3;

export async function opaVersusWasm(files: readonly CorpusFile[], repeats: number): Promise<Row[]> {
  mkdirSync(SCRATCH, { recursive: true });
  const policyDir = buildBenchPolicy('all');
  const docs = await inputDocuments(files);
  const inputsPath = join(SCRATCH, 'inputs.json');
  writeFileSync(inputsPath, JSON.stringify({ bench_inputs: { dockerfile: docs.dockerfile, compose: docs.compose } }));
  const opaArgs = [
    'eval', '--format', 'json',
    '--ignore', '*_test.rego', '--ignore', 'capabilities.json',
    '-d', 'policies', '-d', 'bench/opa-eval/batch.rego', '-d', inputsPath,
    '{"dockerfile_counts": data.bench.dockerfile_counts, "compose_counts": data.bench.compose_counts}',
  ];
  const opa = await medianOf(repeats, () => runMeasured(OPA, opaArgs, { cwd: REPO_ROOT }));
  const wasm = await medianOf(repeats, () => runMeasured(NODE, [WASM_EVAL, join(policyDir, 'policy'), inputsPath], { cwd: REPO_ROOT }));
  // As a big scan evaluates: the same documents shared out among as many threads as check files in
  // the CLI (its workers, and the main thread when it joins in), here all of them workers.
  const settings = defaultParallelSettings();
  const workers = settings.workers + (settings.mainThreadJoins ? 1 : 0);
  const wasmParallel = await medianOf(repeats, () => runMeasured(NODE, [WASM_EVAL, join(policyDir, 'policy'), inputsPath, '--workers', String(workers)], { cwd: REPO_ROOT }));
  // Same documents, same Rego: the two must agree on every document's number of findings.
  const opaCounts = canonical((JSON.parse(opa.runs[0]?.stdout ?? '{}') as { result: { expressions: { value: unknown }[] }[] }).result[0]?.expressions[0]?.value);
  const wasmCounts = canonical(JSON.parse(wasm.runs[0]?.stdout ?? '{}'));
  if (canonical(JSON.parse(wasmParallel.runs[0]?.stdout ?? '{}')) !== wasmCounts) throw new Error('the Wasm module on worker threads disagrees with the Wasm module on one thread');
  if (opaCounts !== wasmCounts) {
    const a = JSON.parse(opaCounts) as Record<string, number[]>;
    const b = JSON.parse(wasmCounts) as Record<string, number[]>;
    const differ = (['dockerfile', 'compose'] as const).flatMap((kind) =>
      docs[kind].flatMap((doc, i) => (a[`${kind}_counts`]?.[i] === b[`${kind}_counts`]?.[i] ? [] : [`${doc.path} (opa ${a[`${kind}_counts`]?.[i]}, wasm ${b[`${kind}_counts`]?.[i]})`])),
    );
    throw new Error(`opa eval and the Wasm module disagree on ${differ.length} document(s): ${differ.slice(0, 5).join('; ')}`);
  }
  const findings = (JSON.parse(wasmCounts) as Record<string, number[]>);
  const total = Object.values(findings).flat().reduce((a, b) => a + b, 0);
  const label = `${docs.dockerfile.length + docs.compose.length} input documents, ${total} findings, identical in both`;
  const speedup = opa.wallMs / wasm.wallMs;
  return [
    { section: '3a same Rego, same inputs', measure: `opa eval (interpreter, one batched process): ${label}`, value: processFigures(opa) },
    { section: '3a same Rego, same inputs', measure: 'our Wasm module (one process, module loaded once)', value: processFigures(wasm) },
    { section: '3a same Rego, same inputs', measure: 'of which the evaluation alone (documents already in memory, one thread): the least CPU a scan of these files spends in the policy', value: evaluationFigures(evaluationAlone(wasm.runs)) },
    { section: '3a same Rego, same inputs', measure: `our Wasm module on ${workers} worker threads, as many as check files in a big scan (compiled once, an instance each)`, value: processFigures(wasmParallel) },
    { section: '3a same Rego, same inputs', measure: 'speed-up, opa eval ÷ Wasm (wall)', value: ratio(speedup), target: `≥ ${SPEEDUP_TARGET}×`, ok: speedup >= SPEEDUP_TARGET },
  ];
}

export async function conftestVersusCli(files: readonly CorpusFile[], repeats: number): Promise<Row[]> {
  const subsetDir = buildBenchPolicy('subset');
  const usable = conftestParsable(files);
  const dockerfiles = usable.filter((f) => f.kind === 'dockerfile').map((f) => f.path);
  const composeFiles = usable.filter((f) => f.kind === 'compose').map((f) => f.path);
  const policy = ['--no-color', '--policy', 'bench/conftest-policy'];
  // conftest picks one parser per run and our --kind names one kind per run: each does two runs.
  const conftestOnce = () => both(
    () => runMeasured(CONFTEST, ['test', ...policy, '--namespace', 'dockerfile', '--parser', 'dockerfile', ...dockerfiles], { cwd: REPO_ROOT, okCodes: [0, 1] }),
    () => runMeasured(CONFTEST, ['test', ...policy, '--namespace', 'compose', '--parser', 'yaml', ...composeFiles], { cwd: REPO_ROOT, okCodes: [0, 1] }),
  );
  const cli = join(subsetDir, 'cli', 'index.js');
  const cliOnce = () => both(
    () => runMeasured(NODE, [cli, 'scan', '--format', 'json', '--kind', 'dockerfile', ...dockerfiles], { cwd: REPO_ROOT, okCodes: [0, 1] }),
    () => runMeasured(NODE, [cli, 'scan', '--format', 'json', '--kind', 'compose', ...composeFiles], { cwd: REPO_ROOT, okCodes: [0, 1] }),
  );
  const conftest = await medianOf(repeats, conftestOnce);
  const ours = await medianOf(repeats, cliOnce);
  const conftestFindings = (conftest.runs[0]?.stdout.match(/^FAIL - /gm) ?? []).length;
  const ourFindings = (ours.runs[0]?.stdout ?? '').split('\n\u0000').map((text) => (JSON.parse(text) as { summary: { findings: number } }).summary.findings).reduce((a, b) => a + b, 0);
  const speedup = conftest.wallMs / ours.wallMs;
  const label = `${dockerfiles.length} Dockerfiles + ${composeFiles.length} compose files, 4 rules`;
  return [
    { section: '3b conftest, same files', measure: `conftest test: ${label} (${conftestFindings} failures)`, value: processFigures(conftest) },
    { section: '3b conftest, same files', measure: `our CLI, the same 4 rules (${ourFindings} findings)`, value: processFigures(ours) },
    { section: '3b conftest, same files', measure: 'speed-up, conftest ÷ our CLI (wall)', value: ratio(speedup), target: `≥ ${SPEEDUP_TARGET}×`, ok: speedup >= SPEEDUP_TARGET },
  ];
}

/** The per-document counts as JSON with the keys in one order. */
function canonical(value: unknown): string {
  const counts = (value ?? {}) as Record<string, unknown>;
  return JSON.stringify({ dockerfile_counts: counts.dockerfile_counts, compose_counts: counts.compose_counts });
}

/** Compiles policies/ as it is now (see bench/build-bench-policy.mjs); returns the output directory. */
function buildBenchPolicy(variant: 'all' | 'subset'): string {
  const out = join(SCRATCH, `policy-${variant}`);
  const built = spawnSync(process.execPath, [join(REPO_ROOT, 'bench', 'build-bench-policy.mjs'), relative(REPO_ROOT, DIST), relative(REPO_ROOT, out), variant], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the ${variant} policy failed:\n${built.stderr}${built.stdout}`);
  return out;
}

/** A process's medians as the section shows them: wall time, CPU time, peak RSS. */
function processFigures(run: RunMedians): string {
  return `${ms(run.wallMs)} (${cpu(run.cpuMs)}), ${mib(run.peakRssMiB)}`;
}

/** Two runs as one: wall and CPU times added, the larger peak RSS, outputs joined by a NUL line. */
async function both(a: () => Promise<ProcessRun>, b: () => Promise<ProcessRun>): Promise<ProcessRun> {
  const first = await a();
  const second = await b();
  return {
    wallMs: first.wallMs + second.wallMs,
    cpuMs: first.cpuMs === undefined || second.cpuMs === undefined ? undefined : first.cpuMs + second.cpuMs,
    peakRssMiB: Math.max(first.peakRssMiB ?? Number.NaN, second.peakRssMiB ?? Number.NaN),
    code: Math.max(first.code ?? 0, second.code ?? 0),
    stdout: `${first.stdout}\n\u0000${second.stdout}`,
    stderr: `${first.stderr}\n${second.stderr}`,
  };
}

/**
 * conftest stops the whole run at the first file its parsers reject (the corpus keeps some invalid
 * fixtures on purpose), so both tools are given the files conftest can read. Found by running it and
 * dropping the file it names; the list is cached per corpus content under .tmp/bench.
 */
function conftestParsable(files: readonly CorpusFile[]): CorpusFile[] {
  const cache = join(SCRATCH, 'conftest-rejects.json');
  const key = files.map((f) => f.path).join('\n').length + ':' + files.length;
  let rejected: string[] = [];
  if (existsSync(cache)) {
    const saved = JSON.parse(readFileSync(cache, 'utf8')) as { key: string; rejected: string[] };
    if (saved.key === key) rejected = saved.rejected;
  }
  for (const kind of ['dockerfile', 'compose'] as const) {
    for (let attempt = 0; attempt < 200; attempt++) {
      const paths = files.filter((f) => f.kind === kind && !rejected.includes(f.path)).map((f) => f.path);
      const run = spawnSync(CONFTEST, ['test', '--no-color', '--policy', 'bench/conftest-policy', '--namespace', kind, '--parser', kind === 'dockerfile' ? 'dockerfile' : 'yaml', ...paths], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      const named = /path: (\S+)\s*$/m.exec(run.stderr + run.stdout)?.[1];
      if (run.status === 0 || !named || !run.stderr.includes('Error:')) break;
      if (!paths.includes(named)) throw new Error(`conftest failed on a file it was not given: ${run.stderr.slice(-500)}`);
      rejected.push(named);
    }
  }
  writeFileSync(cache, JSON.stringify({ key, rejected }));
  return files.filter((f) => !rejected.includes(f.path));
}
