import { setFlagsFromString } from 'node:v8';

/**
 * Stops the main thread's young generation from growing, for the rest of the process.
 *
 * V8 doubles a heap's young generation (up to 64 MiB a semi-space on a machine with this much memory)
 * whenever enough has survived it since the last time; in a big scan the main thread's grew that way
 * while it held the findings coming in and wrote the report, and made up most of its heap. The size
 * cannot be capped from inside the process (neither the action's `runs.main` nor the CLI's shebang
 * passes node flags, and `--max-semi-space-size` is read only when a heap is set up), but the growth
 * factor is read each time V8 considers growing, so setting it to 1 at run time stops the growth.
 * Worker threads are capped by their resource limits (WORKER_YOUNG_GENERATION_MB) and reach that
 * cap either way. Corpus scan: peak RSS ~280 → ~225 MiB, at the same CPU time (bench/README.md).
 */
export function keepYoungGenerationsSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
