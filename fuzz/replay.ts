import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeTarget, corpusTarget, dockerfileTarget, pipelineTarget, type FuzzTarget } from './targets.js';

// Replays a crash file written by the fuzz run: `node --import tsx fuzz/replay.ts <crash.json>`.
// Prints the whole error with its stack, or says the case now passes.

const file = process.argv[2];
if (!file) throw new Error('usage: fuzz/replay.ts <crash.json>');
const crash = JSON.parse(readFileSync(file, 'utf8'), (_key, value: unknown) =>
  value && typeof value === 'object' && 'base64' in value ? new Uint8Array(Buffer.from((value as { base64: string }).base64, 'base64')) : value,
) as { target: string; input: unknown };
const targets: Record<string, FuzzTarget<unknown>> = {
  dockerfile: dockerfileTarget as FuzzTarget<unknown>,
  compose: composeTarget as FuzzTarget<unknown>,
  pipeline: pipelineTarget as FuzzTarget<unknown>,
  corpus: corpusTarget([{ kind: 'dockerfile', bytes: new Uint8Array() }]) as FuzzTarget<unknown>,
};
const target = targets[crash.target];
if (!target) throw new Error(`unknown target ${crash.target} in ${fileURLToPath(new URL(file, 'file://' + process.cwd() + '/'))}`);
try {
  await target.check(crash.input);
  console.log('passes now');
} catch (thrown) {
  console.log((thrown as Error).stack ?? thrown);
  process.exitCode = 1;
}
