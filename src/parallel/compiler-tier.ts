import { setFlagsFromString } from 'node:v8';

/**
 * Has V8 compile hot JavaScript with Maglev, its mid-tier optimising compiler, and no further, for the
 * rest of the process: called when the worker threads start, that is, when every core will be busy
 * checking files.
 *
 * TurboFan, the top tier, compiles on V8's background threads, which then compete with the workers for
 * the same cores. Over a corpus scan that compiling was ~30% of all the CPU time the process used
 * (`perf`, by thread), much of it the same large functions of the parsers compiled again and again as
 * new input shapes deoptimised them, and again in every isolate. With TurboFan off, the workers' code
 * runs a little slower, but the scan used 15-20% less CPU in all, and on two cores its wall time
 * follows its CPU time (bench/README.md). A one-file scan starts no workers and keeps TurboFan: there
 * a spare core does the compiling, and the optimised code pays off on a long input.
 *
 * Only where Maglev is on by default (V8 12 and later, node 22 and later): on node 20 there is no
 * mid tier, so this would leave the interpreter and the baseline compiler alone. `--no-turbofan` is
 * read at every tiering decision, so it takes effect at run time; `--max-opt`, which would say the
 * same, is read only at start-up.
 */
export function stopAtMidTierCompiler(v8Version: string = process.versions.v8): boolean {
  if (Number(v8Version.split('.')[0]) < 12) return false;
  setFlagsFromString('--no-turbofan');
  return true;
}
