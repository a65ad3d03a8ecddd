import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
// @ts-expect-error: a plain .mjs script with no type declarations
import { measure, score } from '../../scripts/accuracy.mjs';

interface Result {
  readonly label: string;
  readonly ok: boolean;
  readonly fired: boolean;
}
type Measure = (platforms?: string[]) => { results: Result[]; unmapped: string[] } | null;
type Score = (results: Result[]) => { samples: number; recall: number; precision: number; lines: number };

// Floors at the figures last measured (the target is 98% on each); a drop below them is a regression.
const FLOOR = { recall: 98, precision: 80, lines: 84 };

test('Dockerfile rules agree with the labelled KICS samples they map to', { timeout: 120_000 }, (t) => {
  if (!existsSync('dist/cli/index.js') || !existsSync('../shared/corpus/labelled/kics/labels.jsonl')) {
    t.skip('needs the bundled CLI (npm run build) and ../shared/corpus/labelled/kics beside the repository');
    return;
  }
  const measured = (measure as Measure)(['dockerfile']);
  assert.ok(measured);
  const overall = (score as Score)(measured.results);
  assert.ok(overall.samples >= 100, `only ${overall.samples} mapped samples`);
  assert.ok(overall.recall >= FLOOR.recall, `recall ${overall.recall}`);
  assert.ok(overall.precision >= FLOOR.precision, `precision ${overall.precision}`);
  assert.ok(overall.lines >= FLOOR.lines, `line agreement ${overall.lines}`);
});
