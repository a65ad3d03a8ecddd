import { evaluateParsed, parseFailure } from '../evaluate/evaluate-file.js';
import { configurationRefiner, finishFile, type ConfigurationRefiner } from '../evaluate/file-refiner.js';
import type { PolicyEngine } from '../evaluate/policy-engine.js';
import type { DockerfileDocument } from '../parse/input-document.js';
import { parseFile } from '../parse/registry.js';
import { STAGE, markProgress, type CheckRequest, type WorkerOutcome, type WorkerSetup } from './messages.js';
import { rulesById, toWire, type RulesById } from './wire-findings.js';

/** What a worker given the configuration (see WorkerSetup.configuration) finishes files with. */
export interface WorkerRefiner {
  readonly apply: ConfigurationRefiner;
  readonly rules: RulesById;
}

export function workerRefiner(setup: WorkerSetup, engine: PolicyEngine): WorkerRefiner | undefined {
  return setup.configuration && { apply: configurationRefiner(setup.configuration), rules: rulesById(engine.catalogue) };
}

/**
 * What a worker does with one Dockerfile: parse it and evaluate it, and with the configuration's
 * refiner (see WorkerSetup.configuration) finish its findings; every failure the file can cause turned
 * into an outcome exactly as the main thread would report it. `progress` (see WorkerSetup) is kept up
 * to date so that a thread that dies on the file still says which step it died in.
 */
export function checkDockerfile(
  request: CheckRequest,
  engine: PolicyEngine,
  progress: Int32Array,
  refine?: WorkerRefiner,
): WorkerOutcome {
  markProgress(progress, request.id, STAGE.parse);
  let parsed;
  try {
    parsed = parseFile('dockerfile', request.path, request.bytes);
  } catch (thrown) {
    return { error: parseFailure(request.path, thrown) };
  }
  markProgress(progress, request.id, STAGE.evaluate);
  const evaluated = evaluateParsed(request.path, parsed, engine);
  // The findings and suppressions are a fraction of the document: sending them alone saves copying
  // the document across threads (~1 s of CPU over the corpus, on both sides).
  if (refine) return { checked: toWire(finishFile(request.path, evaluated, engine.catalogue, refine.apply), refine.rules) };
  return 'error' in evaluated ? evaluated : { document: evaluated.parsed.document as DockerfileDocument, raw: evaluated.raw };
}
