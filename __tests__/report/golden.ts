import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const GOLDEN_DIR = new URL('../fixtures/report/golden/', import.meta.url);

/**
 * Compares `actual` with the golden file `name`. With UPDATE_GOLDEN=1 in the environment it
 * rewrites the file instead; review the diff before keeping it.
 */
export function assertGolden(name: string, actual: string): void {
  const file = new URL(name, GOLDEN_DIR);
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `golden file ${name} is missing: run the tests with UPDATE_GOLDEN=1 to create it`);
  assert.equal(actual, readFileSync(file, 'utf8'), `output differs from golden file ${name} (UPDATE_GOLDEN=1 rewrites it)`);
}
