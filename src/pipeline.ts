import { setImmediate } from 'node:timers/promises';
import type { CheckError, ScanResult, TargetFile } from './model.js';
import { describeError } from './errors.js';
import type { Catalogue } from './evaluate/catalogue.js';
import type { ConfigFile } from './config/config-file.js';
import type { Discovery } from './discover/discover-targets.js';
import type { ReadScope } from './discover/read-scope-fs.js';
import type { PolicyEngine } from './evaluate/policy-engine.js';
import { finishFile, type CheckedFile, type FileRefiner } from './evaluate/file-refiner.js';
import { evaluateParsed, parseFailure, type EvaluatedFile } from './evaluate/evaluate-file.js';
import { onceEach } from './evaluate/repeated-findings.js';
import { locateInDockerfile } from './parse/dockerfile.js';
import { loadTarget } from './parse/registry.js';
import type { WorkerOutcome } from './parallel/messages.js';
import { fromWire, wireReceiver, type WireReceiver } from './parallel/wire-findings.js';
import { defaultParallelSettings, findWorkerScript, useWorkers, type ParallelSettings } from './parallel/pool-settings.js';
import type { FilePool } from './parallel/worker-pool.js';
import type { PrestartedWorkers } from './parallel/prestart-workers.js';
import { workerShare } from './parallel/worker-share.js';

/** The effects the pipeline needs; the action and the CLI each supply their own. */
export interface PipelinePorts {
  discover(): Promise<Discovery>;
  readFile(path: string): Promise<Uint8Array>;
  /**
   * `readFile` as data, when it is a reader of the file system: worker threads build the same reader
   * from it and read a compose file's related files themselves. Without it they ask this thread.
   */
  readonly readScope?: ReadScope;
  loadEngine(): Promise<PolicyEngine>;
  /**
   * Custom policies and the configuration file (optional): given the built-in engine, returns what
   * turns one file's built-in findings into the final ones (custom findings added; disabled,
   * excluded and suppressed findings taken out).
   */
  loadRefiner?(engine: PolicyEngine): Promise<FileRefiner>;
  /** Values for compose `${VAR}` interpolation (the configuration's `compose-variables`); they win over `.env`. */
  readonly composeVariables?: Readonly<Record<string, string>>;
  /** When files are checked on worker threads; defaultParallelSettings() unless given (tests). */
  readonly parallel?: ParallelSettings;
  /**
   * Worker threads started ahead (the CLI starts them while it walks a big tree): the pool takes them
   * first, and a scan that needs none ends them. The caller still discards what is left when it is done.
   */
  readonly prestarted?: PrestartedWorkers;
}

export interface PipelineResult extends ScanResult {
  /** What was scanned, in words. */
  readonly scope: string;
  /** Every rule the policy bundle holds, so reports can say which controls were checked and passed. */
  readonly catalogue: Catalogue;
}

/** Files read ahead of the one the main thread is checking: enough to hide disk latency, few enough to bound memory. */
const READ_AHEAD = 32;

/**
 * Files in the hands of the worker threads at once, per worker (those handed to it, see the pool's
 * FILES_PER_THREAD, and a few read and waiting): enough that a worker never waits, few enough that
 * only that many files' bytes and answers are ever held.
 */
const FILES_PER_WORKER = 12;

/**
 * discover → read → parse → evaluate, over every file. A file that cannot be read, parsed or
 * evaluated becomes an error for that file and the rest are still checked; the policy is loaded
 * even when no file matched, so a broken bundle never passes silently. In a big scan, Dockerfiles (and
 * compose files, see parallel/worker-share.ts) are parsed and evaluated on worker threads while the
 * main thread checks the other files (and, if the settings say so, then joins in on the files left);
 * each file's result is kept at its place in the list, so the result is the same either way.
 */
export async function runPipeline(ports: PipelinePorts): Promise<PipelineResult> {
  const [discovery, engine] = await Promise.all([ports.discover(), ports.loadEngine()]);
  const files = discovery.files;
  const refine = ports.loadRefiner ? await ports.loadRefiner(engine) : undefined;
  const settings = ports.parallel ?? defaultParallelSettings();
  const forWorkers = workerShare(files, refine, settings.workers);
  const workerPlaces = files.flatMap((file, i) => (forWorkers(file) ? [i] : []));
  const pool = await startPoolFor(workerPlaces.length, settings, engine, ports, refine);
  try {
    const byPlace: CheckedFile[] = new Array<CheckedFile>(files.length);
    const shared: SharedFiles = { places: pool ? workerPlaces : [], next: 0 };
    const toWorkers = new Set(shared.places);
    const workers = pool ? checkOnWorkers(shared, files, { ports, pool, engine, refine, byPlace }) : Promise.resolve();
    // Awaited below, after the main thread's own files; until then a rejection (a failed pool) is not unhandled.
    workers.catch(() => undefined);
    await checkHere(files.flatMap((file, i) => (toWorkers.has(i) ? [] : [i])), files, { ports, engine, refine, byPlace });
    if (pool && settings.mainThreadJoins) await checkShared(shared, files, { ports, engine, refine, byPlace });
    await workers;
    const findings = onceEach(files.map((file, place) => ({ path: file.path, findings: byPlace[place]?.findings ?? [] })));
    const errors = [...(discovery.errors ?? []), ...byPlace.flatMap((checked) => checked?.errors ?? [])];
    const suppressed = byPlace.flatMap((checked) => checked?.suppressed ?? []);
    const notices = discovery.notices ?? [];
    return { scope: discovery.scope, files, findings, errors, catalogue: engine.catalogue, ...(notices.length > 0 ? { notices } : {}), ...(suppressed.length > 0 ? { suppressed } : {}) };
  } finally {
    await pool?.close();
  }
}

/** What checking a file needs, and where its result goes. */
interface Lane {
  readonly ports: PipelinePorts;
  readonly engine: PolicyEngine;
  readonly refine: FileRefiner | undefined;
  readonly byPlace: CheckedFile[];
}

/** Checks files on this thread, in order, reading a few ahead. A compose project is checked once, at the first of its files. */
async function checkHere(places: readonly number[], files: readonly TargetFile[], lane: Lane): Promise<void> {
  const projectsDone = new Set<string>();
  const reads: Promise<Uint8Array | CheckError>[] = [];
  for (const [n, place] of places.entries()) {
    for (let ahead = n + reads.length; ahead < places.length && reads.length < READ_AHEAD; ahead++) {
      reads.push(readOrError(files[places[ahead] as number] as TargetFile, lane.ports));
    }
    // Once per file, let pending I/O run (the steps of the reads ahead, the worker threads' answers):
    // awaiting a read already done would not, and the main thread would starve them while it works.
    await setImmediate();
    const file = files[place] as TargetFile;
    const content = await (reads.shift() as Promise<Uint8Array | CheckError>);
    if (!(content instanceof Uint8Array)) {
      lane.byPlace[place] = { findings: [], errors: [content] };
      continue;
    }
    // Its other files are still read, as they would be if they had been given alone.
    const project = file.project && file.project.length > 1 ? file.project.join('\n') : undefined;
    if (project !== undefined && projectsDone.has(project)) continue;
    if (project !== undefined) projectsDone.add(project);
    lane.byPlace[place] = await finish(file, await evaluateHere(file, content, lane.engine, lane.ports), lane);
  }
}

/** The files of a big scan for the workers, taken one at a time by them and, once its own files are done, the main thread. */
interface SharedFiles {
  readonly places: readonly number[];
  next: number;
}

function take(shared: SharedFiles): number | undefined {
  return shared.next < shared.places.length ? shared.places[shared.next++] : undefined;
}

/**
 * Has the worker threads check files, a bounded number at a time, and finishes each on this thread
 * as soon as its answer comes (whatever the order), so that nothing of it is kept any longer.
 */
async function checkOnWorkers(shared: SharedFiles, files: readonly TargetFile[], lane: Lane & { readonly pool: FilePool }): Promise<void> {
  const receiver = wireReceiver(lane.engine.catalogue);
  const feed = async (): Promise<void> => {
    for (let place = take(shared); place !== undefined; place = take(shared)) {
      const file = files[place] as TargetFile;
      const content = await readOrError(file, lane.ports);
      lane.byPlace[place] = content instanceof Uint8Array ? await fromWorker(file, await lane.pool.check(file, content), { ...lane, receiver }) : { findings: [], errors: [content] };
    }
  };
  await Promise.all(Array.from({ length: lane.pool.workers * FILES_PER_WORKER }, feed));
}

/**
 * The main thread, its own files done, checks files the workers have not taken yet, alongside one
 * worker fewer than cores (see MAX_WORKERS).
 */
async function checkShared(shared: SharedFiles, files: readonly TargetFile[], lane: Lane): Promise<void> {
  for (let place = take(shared); place !== undefined; place = take(shared)) {
    // Let the workers' answers in between files, so they are handed new ones without waiting.
    await setImmediate();
    const file = files[place] as TargetFile;
    const content = await readOrError(file, lane.ports);
    lane.byPlace[place] = content instanceof Uint8Array ? await finish(file, await evaluateHere(file, content, lane.engine, lane.ports), lane) : { findings: [], errors: [content] };
  }
}

/**
 * Worker threads for a big scan; none for a small one, or for an engine that cannot be handed over.
 * When the refiner only applies the configuration, the workers apply it themselves; the files a
 * compose file depends on they read through the scan's own reader.
 */
async function startPoolFor(forThem: number, settings: ParallelSettings, engine: PolicyEngine, ports: PipelinePorts, refine: FileRefiner | undefined): Promise<FilePool | undefined> {
  // Counted as the workers take them (worker-share.ts): a compose-heavy repository is as big a scan as one of Dockerfiles.
  if (engine.compiled === undefined || !useWorkers(forThem, settings)) {
    await ports.prestarted?.discard();
    return undefined;
  }
  // Loaded only now, so a small scan (a pull request's few files) never loads it.
  const { startFilePool } = await import('./parallel/worker-pool.js');
  const configuration: ConfigFile | undefined = refine?.configurationOnly;
  const { composeVariables, readScope } = ports;
  return startFilePool(engine.compiled, {
    ...settings,
    script: settings.script ?? findWorkerScript(),
    readFile: (path) => ports.readFile(path),
    ...(readScope ? { readScope } : {}),
    ...(configuration ? { configuration } : {}),
    ...(composeVariables ? { composeVariables } : {}),
    ...(ports.prestarted ? { prestarted: ports.prestarted } : {}),
  });
}

async function readOrError(file: TargetFile, ports: PipelinePorts): Promise<Uint8Array | CheckError> {
  try {
    return await ports.readFile(file.path);
  } catch (thrown) {
    return { kind: 'read', path: file.path, message: describeError(thrown) };
  }
}

/** A worker's outcome as the main thread would have finished the file itself. */
async function fromWorker(file: TargetFile, outcome: WorkerOutcome, lane: Lane & { readonly receiver: WireReceiver }): Promise<CheckedFile> {
  if ('checked' in outcome) return fromWire(outcome.checked, lane.receiver);
  return finish(file, 'error' in outcome ? outcome : { parsed: locateInDockerfile(outcome.document), raw: outcome.raw }, lane);
}

async function evaluateHere(file: TargetFile, content: Uint8Array, engine: PolicyEngine, ports: PipelinePorts): Promise<EvaluatedFile> {
  let parsed;
  try {
    // Related files (a compose project's .env, extends, include and override files) go through the same guarded reader.
    parsed = await loadTarget(file, content, { readFile: (path) => ports.readFile(path), ...(ports.composeVariables ? { variables: ports.composeVariables } : {}) });
  } catch (thrown) {
    return { error: parseFailure(file.path, thrown) };
  }
  return evaluateParsed(file.path, parsed, engine);
}

/** The built-in results as findings, then the configuration's refiner (custom policies, exclusions, suppressions). */
function finish(file: TargetFile, evaluated: EvaluatedFile, { engine, refine }: Lane): Promise<CheckedFile> {
  return Promise.resolve(finishFile(file.path, evaluated, engine.catalogue, refine));
}
