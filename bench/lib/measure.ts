import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** One child process run: wall time, CPU time, peak resident memory, and what it printed. */
export interface ProcessRun {
  readonly wallMs: number;
  /**
   * CPU time of the child, user and system, all its threads: the wall time of a run on N cores is
   * at least this ÷ N. Undefined without GNU time (polling /proc would miss the end of the run).
   */
  readonly cpuMs: number | undefined;
  /** Peak RSS in MiB, or undefined when no method could read it. */
  readonly peakRssMiB: number | undefined;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Exit statuses that mean the run worked (a scan that finds problems exits 1). */
  readonly okCodes?: readonly number[];
}

const GNU_TIME = '/usr/bin/time';
/** How peak RSS is measured, for the table's footnote. */
export const RSS_METHOD = existsSync(GNU_TIME)
  ? 'GNU time -v "Maximum resident set size" of the child'
  : '/proc/<pid>/status VmHWM of the child, polled every 5 ms';
const MAX_RSS = /Maximum resident set size \(kbytes\): (\d+)/;
const USER_SECONDS = /User time \(seconds\): ([\d.]+)/;
const SYSTEM_SECONDS = /System time \(seconds\): ([\d.]+)/;

/** What GNU time -v reports of the child it ran: peak RSS in KiB and CPU time in ms (10 ms resolution). */
export function readGnuTime(report: string): { peakKiB: number | undefined; cpuMs: number | undefined } {
  const rss = MAX_RSS.exec(report);
  const user = USER_SECONDS.exec(report);
  const system = SYSTEM_SECONDS.exec(report);
  return {
    peakKiB: rss ? Number(rss[1]) : undefined,
    cpuMs: user && system ? Math.round((Number(user[1]) + Number(system[1])) * 1000) : undefined,
  };
}

/**
 * Runs a command and measures it. With GNU time the figure is the kernel's peak RSS of the child
 * (GNU time's own few hundred kilobytes are not in it: it reports the child's rusage). Without it,
 * VmHWM is polled, which can miss a peak shorter than the poll interval.
 */
export async function runMeasured(command: string, args: readonly string[], options: RunOptions = {}): Promise<ProcessRun> {
  const useTime = existsSync(GNU_TIME);
  const [file, argv] = useTime ? [GNU_TIME, ['-v', command, ...args]] : [command, [...args]];
  const start = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let polledKiB = 0;
  const poll = useTime ? undefined : setInterval(() => (polledKiB = Math.max(polledKiB, readHwmKiB(child.pid))), 5);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - start;
  if (poll) clearInterval(poll);
  let peakKiB: number | undefined = polledKiB || undefined;
  let cpuMs: number | undefined;
  if (useTime) {
    // GNU time appends its report to the child's stderr: read it, then cut it off.
    const at = stderr.lastIndexOf('\tCommand being timed:');
    ({ peakKiB, cpuMs } = readGnuTime(stderr.slice(Math.max(at, 0))));
    stderr = stderr.slice(0, at).trimEnd();
  }
  const ok = options.okCodes ?? [0];
  if (code === null || !ok.includes(code)) {
    throw new Error(`${command} ${args.slice(0, 6).join(' ')}… exited ${code}:\n${stderr.slice(-2000)}`);
  }
  return { wallMs, cpuMs, peakRssMiB: peakKiB === undefined ? undefined : peakKiB / 1024, code, stdout, stderr };
}

function readHwmKiB(pid: number | undefined): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The middle value (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Medians of a set of runs; NaN where a figure could not be measured. */
export interface RunMedians {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssMiB: number;
}

function mediansOf(runs: readonly ProcessRun[]): RunMedians {
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: median(runs.map((r) => r.cpuMs ?? Number.NaN)),
    peakRssMiB: median(runs.map((r) => r.peakRssMiB ?? Number.NaN)),
  };
}

/** Runs `once` `times` times (after `warmup` discarded runs) and returns the medians of wall time, CPU time and peak RSS. */
export async function medianOf(times: number, once: () => Promise<ProcessRun>, warmup = 0): Promise<RunMedians & { runs: ProcessRun[] }> {
  for (let i = 0; i < warmup; i++) await once();
  const runs: ProcessRun[] = [];
  for (let i = 0; i < times; i++) runs.push(await once());
  return { ...mediansOf(runs), runs };
}

/**
 * The medians of each run, the runs taken in turns (`times` rounds of all of them, each round
 * starting one further along, after `warmup` unmeasured rounds). Sizes compared with each other are
 * measured so: this machine's speed drifts within minutes, and measuring one size after the other had
 * the drift decide their ratio.
 */
export async function mediansInTurns<K extends string>(times: number, runs: Readonly<Record<K, () => Promise<ProcessRun>>>, warmup = 0): Promise<Record<K, RunMedians>> {
  const keys = Object.keys(runs) as K[];
  const measured = new Map<K, ProcessRun[]>(keys.map((key) => [key, []]));
  for (let round = -warmup; round < times; round++) {
    for (let k = 0; k < keys.length; k++) {
      const key = keys[(Math.max(round, 0) + k) % keys.length] as K;
      const run = await runs[key]();
      if (round >= 0) measured.get(key)?.push(run);
    }
  }
  return Object.fromEntries(keys.map((key) => [key, mediansOf(measured.get(key) ?? [])])) as Record<K, RunMedians>;
}

/** The wall times of medians keyed by run. */
export function wallTimes<K extends string>(medians: Readonly<Record<K, RunMedians>>): Record<K, number> {
  return Object.fromEntries(Object.entries<RunMedians>(medians).map(([key, m]) => [key, m.wallMs])) as Record<K, number>;
}

/** Median wall time of an in-process function. */
export async function timeInProcess(times: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}
