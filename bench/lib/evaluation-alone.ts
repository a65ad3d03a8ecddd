/**
 * The policy's share of a scan, measured apart: bench/wasm-eval.mjs on one thread times its loop over
 * documents already in memory, which is the least CPU any scan of those files spends in the Wasm
 * module. Divided by the cores, it is the least wall time the policy alone takes here, so a target
 * below it is out of reach whatever the parsing costs.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './corpus.js';
import { median, type ProcessRun } from './measure.js';
import { cpu, ms } from './table.js';

export const WASM_EVAL = join(REPO_ROOT, 'bench', 'wasm-eval.mjs');

export interface Evaluation {
  readonly documents: number;
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** The medians of the `evaluation` figures that runs of bench/wasm-eval.mjs on one thread printed. */
export function evaluationAlone(runs: readonly Pick<ProcessRun, 'stdout'>[]): Evaluation {
  const figures = runs.map((run, i) => {
    const evaluation = (JSON.parse(run.stdout) as { evaluation?: Evaluation }).evaluation;
    if (evaluation === undefined) throw new Error(`run ${i + 1} of bench/wasm-eval.mjs printed no evaluation figures: it times them on one thread only (without --workers)`);
    return evaluation;
  });
  const [first] = figures;
  if (first === undefined) throw new Error('no run of bench/wasm-eval.mjs to take the evaluation figures from');
  if (figures.some((f) => f.documents !== first.documents)) throw new Error('runs of bench/wasm-eval.mjs evaluated different numbers of documents');
  return { documents: first.documents, wallMs: median(figures.map((f) => f.wallMs)), cpuMs: median(figures.map((f) => f.cpuMs)) };
}

/** A row's value: CPU time, per document, and divided by the cores. */
export function evaluationFigures(evaluation: Evaluation, cores: number = availableParallelism()): string {
  const perDocument = (1000 * evaluation.cpuMs) / evaluation.documents;
  return `${cpu(evaluation.cpuMs)}, ${perDocument.toFixed(0)} µs a document; ÷ ${cores} cores: ${ms(evaluation.cpuMs / cores)}`;
}
