import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mediansInTurns, type ProcessRun } from '../../bench/lib/measure.js';

// The benchmark compares sizes measured in turns, so that the machine's drift falls on all alike.

test('runs are taken in turns, each round starting one further along, warm-up rounds discarded', async () => {
  const calls: string[] = [];
  let clock = 0;
  // Each run "takes" longer than the one before: a machine slowing down as the benchmark goes on.
  const run = (name: string) => async (): Promise<ProcessRun> => {
    calls.push(name);
    clock += 10;
    return { wallMs: clock, peakRssMiB: undefined, code: 0, stdout: '', stderr: '' };
  };
  const medians = await mediansInTurns(3, { a: run('a'), b: run('b'), c: run('c') }, 1);
  assert.deepEqual(calls, ['a', 'b', 'c', 'a', 'b', 'c', 'b', 'c', 'a', 'c', 'a', 'b']);
  // Measured rounds only (the first three calls were the warm-up): a at 40, 90, 110; b at 50, 70, 120; c at 60, 80, 100.
  assert.deepEqual(medians, { a: 90, b: 70, c: 80 });
});
