import { evaluateParsed, parseFailure } from '../evaluate/evaluate-file.js';
import { configurationRefiner, finishFile, type ConfigurationRefiner } from '../evaluate/file-refiner.js';
import type { PolicyEngine } from '../evaluate/policy-engine.js';
import type { ParsedFile } from '../parse/parsed-file.js';
import type { DockerfileDocument } from '../parse/input-document.js';
import { loadTarget, type ParseContext } from '../parse/registry.js';
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
 * What a worker does with one file: parse it (reading the files a compose file depends on through
 * `context`) and evaluate it, and with the configuration's refiner finish its findings; every failure
 * the file can cause turned into an outcome exactly as the main thread would report it. `progress`
 * (see WorkerSetup) is kept up to date so that a thread that dies on the file still says which step
 * it died in.
 */
export async function checkFile(
  request: CheckRequest,
  engine: PolicyEngine,
  progress: Int32Array,
  context: ParseContext,
  refine: WorkerRefiner | undefined,
): Promise<WorkerOutcome> {
  const { file } = request;
  markProgress(progress, request.id, STAGE.parse);
  let parsed: ParsedFile;
  try {
    parsed = await loadTarget(file, request.bytes, context);
  } catch (thrown) {
    return { error: parseFailure(file.path, thrown) };
  }
  markProgress(progress, request.id, STAGE.evaluate);
  const evaluated = evaluateParsed(file.path, parsed, engine);
  // The findings and suppressions are a fraction of the document: sending them alone saves copying
  // the document across threads (~1 s of CPU over the corpus, on both sides).
  if (refine) return { checked: toWire(finishFile(file.path, evaluated, engine.catalogue, refine.apply), refine.rules) };
  if ('error' in evaluated) return evaluated;
  // Without the configuration the main thread finishes the file from its document, which it can
  // locate lines in for a Dockerfile only (a compose locator does not cross threads).
  if (evaluated.parsed.document.kind !== 'dockerfile') throw new Error(`A worker was given the compose file ${file.path} without the configuration (a bug).`);
  return { document: evaluated.parsed.document as DockerfileDocument, raw: evaluated.raw };
}
