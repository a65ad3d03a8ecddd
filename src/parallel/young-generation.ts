import { setFlagsFromString } from 'node:v8';

/**
 * Stops the main thread's young generation from growing, for the rest of the process, and has worker
 * threads started from now on begin with semi-spaces of `workerSemiSpaceMiB`.
 *
 * V8 doubles a heap's young generation (up to 64 MiB a semi-space on a machine with this much memory)
 * whenever enough has survived it since the last time; in a big scan the main thread's grew that way
 * while it held the findings coming in and wrote the report, and made up most of its heap. Its size
 * cannot be capped from inside the process (neither the action's `runs.main` nor the CLI's shebang
 * passes node flags, and `--max-semi-space-size` is read only when a heap is set up), but node 24's
 * V8 reads the growth factor each time it considers growing, so setting it to 1 at run time stops the
 * growth (node 20's grows regardless once past its starting size). The factor also halves the
 * semi-spaces a new heap starts with, which cost the workers ~1 s of CPU in extra collections over the
 * corpus; the minimum puts their start back where it was. Corpus scan: peak RSS ~280 → ~225 MiB, at
 * the same CPU time (bench/README.md).
 */
export function keepYoungGenerationsSmall(workerSemiSpaceMiB: number): void {
  setFlagsFromString(`--semi-space-growth-factor=1 --min-semi-space-size=${workerSemiSpaceMiB}`);
}
