import fc from 'fast-check';
import type { FuzzTarget } from './targets.js';

/** One kind of crash: the first line of what broke, how often, and the first input that did it. */
export interface Crash {
  readonly signature: string;
  count: number;
  readonly example: unknown;
  readonly caseIndex: number;
}

export interface FuzzOutcome {
  readonly target: string;
  readonly cases: number;
  readonly crashes: Crash[];
  readonly ms: number;
}

/** Turns an input into JSON a reader can replay: bytes become base64. */
export function serialiseInput(input: unknown): string {
  return JSON.stringify(input, (_key, value: unknown) => (value instanceof Uint8Array ? { base64: Buffer.from(value).toString('base64') } : value), 2);
}

/**
 * Runs `numRuns` cases of a target with a fixed seed. Every case runs (a crash is counted, not a
 * stop), crashes are grouped by their first line. `progress` is told each case's index before it runs,
 * so a watchdog can name the case that hangs.
 */
export async function runTarget<T>(target: FuzzTarget<T>, options: { numRuns: number; seed: number; progress?: (index: number) => void }): Promise<FuzzOutcome> {
  const crashes = new Map<string, Crash>();
  let index = 0;
  const started = performance.now();
  await fc.assert(
    fc.asyncProperty(target.arbitrary, async (input) => {
      const caseIndex = index++;
      options.progress?.(caseIndex);
      try {
        await target.check(input);
      } catch (thrown) {
        const error = thrown as Error;
        const kind = error?.name === 'InvariantViolation' ? '' : `uncaught ${error?.name ?? typeof thrown}: `;
        // Numbers vary between inputs of one bug; leave them out of the grouping key.
        const signature = (kind + (error?.message ?? String(thrown)).split('\n')[0]).replace(/\d+/g, 'N').slice(0, 200);
        const known = crashes.get(signature);
        if (known) known.count++;
        else crashes.set(signature, { signature, count: 1, example: input, caseIndex });
      }
      return true;
    }),
    { numRuns: options.numRuns, seed: options.seed, endOnFailure: true },
  );
  return { target: target.name, cases: index, crashes: [...crashes.values()], ms: performance.now() - started };
}
