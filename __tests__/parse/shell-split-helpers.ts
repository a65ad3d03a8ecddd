import assert from 'node:assert/strict';
import { splitSimpleCommands } from '../../src/parse/shell/split-simple.js';
import { splitWithShellParser } from '../../src/parse/shell/split-commands.js';

/**
 * The fast path must answer exactly what the full shell parser (mvdan-sh) answers, or not answer at
 * all. Answers whether it answered.
 */
export function assertSameAsParser(script: string): boolean {
  const fast = splitSimpleCommands(script);
  if (fast === undefined) return false;
  const reference = splitWithShellParser(script);
  assert.ok(reference.ok, `fast path accepted a script the parser rejects: ${JSON.stringify(script)}`);
  assert.deepEqual(fast, reference.commands, `different split of ${JSON.stringify(script)}`);
  return true;
}
