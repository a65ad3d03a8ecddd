import { cpus } from 'node:os';
import { median, runMeasured } from './measure.js';
import { NODE } from './tools.js';

/**
 * A fixed CPU-bound workload (JSON and string work of the kind a scan does, then hashing) run in one
 * fresh node process per core at once, in milliseconds: the slowest process of a round, median of
 * `repeats` rounds. The machine this was written on is shared, and its speed drifts by a third or more
 * within an hour; timing the same work on every core at the start and end of a run says how fast the
 * machine was, so that runs are compared at like speeds.
 */
export async function machineSpeedMs(repeats = 3): Promise<number> {
  const rounds: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const runs = await Promise.all(Array.from({ length: cpus().length }, () => runMeasured(NODE, ['-e', WORKLOAD])));
    // The workload prints its own time, without node's start-up.
    rounds.push(Math.max(...runs.map((run) => Number(run.stdout.trim()))));
  }
  const ms = median(rounds);
  if (!Number.isFinite(ms)) throw new Error('the machine-speed workload printed no time');
  return Math.round(ms);
}

// Deterministic: the same objects, strings and bytes on every run.
const WORKLOAD = `
const { createHash } = require('node:crypto');
const start = performance.now();
const doc = { instructions: Array.from({ length: 2000 }, (_, i) => ({ keyword: 'RUN', line: i, words: ['apt-get', 'install', '-y', 'pkg' + i] })) };
let size = 0;
for (let i = 0; i < 80; i++) size += JSON.parse(JSON.stringify(doc)).instructions.length;
let text = '';
for (let i = 0; i < 200000; i++) text += i % 7 === 0 ? '|' : 'x';
for (let i = 0; i < 40; i++) size += text.split('|').length;
const bytes = Buffer.alloc(8 << 20, 7);
for (let i = 0; i < 8; i++) size += createHash('sha256').update(bytes).digest()[0];
if (size <= 0) throw new Error('unreachable');
console.log((performance.now() - start).toFixed(0));
`;
