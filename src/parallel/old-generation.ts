import { setFlagsFromString } from 'node:v8';

/**
 * How far, in percent of what survived the last full collection, a heap's old generation may grow
 * before the next one, once a scan runs on worker threads.
 *
 * V8 otherwise picks the factor from how fast it collects against how fast the program allocates, up
 * to 4× on a machine with this much memory, and the main thread of a big scan (which holds every
 * finding until the report is written, ~36 MiB live at the end of the corpus scan) was given that
 * room: its heap reached ~62 MiB committed. Capped at 2×, the corpus scan's peak RSS fell from
 * 185–197 to 165–169 MiB (5 alternating runs of the two bundles) at the same wall and CPU time
 * (3.75 and 3.78 s, 6.75 and 6.74 s); 10,000 small Dockerfiles, whose main thread holds little, kept theirs
 * (~130 MiB) and their time. 50% saved a little more memory but cost those 10,000 files ~4% of
 * wall time in more full collections.
 */
const OLD_GENERATION_GROWTH_PERCENT = 100;

/**
 * Caps the growth factor of every heap in the process from now on (the main thread's and those of
 * workers started later): V8 reads `--heap-growing-percent` each time it sets a heap's next limit, so
 * unlike the sizes of a heap, it takes effect at run time.
 */
export function limitOldGenerationGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${OLD_GENERATION_GROWTH_PERCENT}`);
}
