import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mediansInTurns, readGnuTime, wallTimes, type ProcessRun } from '../../bench/lib/measure.js';

// The benchmark compares sizes measured in turns, so that the machine's drift falls on all alike.

test('runs are taken in turns, each round starting one further along, warm-up rounds discarded', async () => {
  const calls: string[] = [];
  let clock = 0;
  // Each run "takes" longer than the one before: a machine slowing down as the benchmark goes on.
  const run = (name: string) => async (): Promise<ProcessRun> => {
    calls.push(name);
    clock += 10;
    return { wallMs: clock, cpuMs: clock * 2, peakRssMiB: undefined, code: 0, stdout: '', stderr: '' };
  };
  const medians = await mediansInTurns(3, { a: run('a'), b: run('b'), c: run('c') }, 1);
  assert.deepEqual(calls, ['a', 'b', 'c', 'a', 'b', 'c', 'b', 'c', 'a', 'c', 'a', 'b']);
  // Measured rounds only (the first three calls were the warm-up): a at 40, 90, 110; b at 50, 70, 120; c at 60, 80, 100.
  assert.deepEqual(wallTimes(medians), { a: 90, b: 70, c: 80 });
  assert.deepEqual(
    Object.fromEntries(Object.entries(medians).map(([key, m]) => [key, m.cpuMs])),
    { a: 180, b: 140, c: 160 },
  );
  // No run could read its peak RSS: the median says so rather than showing a number.
  assert.ok(Number.isNaN(medians.a.peakRssMiB));
});

test('CPU time and peak RSS are read from the report GNU time -v appends', () => {
  const report = [
    '\tCommand being timed: "node dist/cli/index.js scan ."',
    '\tUser time (seconds): 5.45',
    '\tSystem time (seconds): 0.51',
    '\tPercent of CPU this job got: 176%',
    '\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:03.38',
    '\tMaximum resident set size (kbytes): 134204',
    '\tExit status: 1',
  ].join('\n');
  assert.deepEqual(readGnuTime(report), { peakKiB: 134204, cpuMs: 5960 });
  // A report without the CPU lines (another time program) measures no CPU rather than zero.
  assert.deepEqual(readGnuTime('\tMaximum resident set size (kbytes): 900'), { peakKiB: 900, cpuMs: undefined });
});
