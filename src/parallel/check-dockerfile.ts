import { evaluateParsed, parseFailure } from '../evaluate/evaluate-file.js';
import type { PolicyEngine } from '../evaluate/policy-engine.js';
import type { DockerfileDocument } from '../parse/input-document.js';
import { parseFile } from '../parse/registry.js';
import { STAGE, markProgress, type CheckRequest, type WorkerOutcome } from './messages.js';

/**
 * What a worker does with one Dockerfile: parse it and evaluate it, every failure the file can cause
 * turned into an outcome exactly as the main thread would report it. `progress` (see WorkerSetup) is
 * kept up to date so that a thread that dies on the file still says which step it died in.
 */
export function checkDockerfile(request: CheckRequest, engine: PolicyEngine, progress: Int32Array): WorkerOutcome {
  markProgress(progress, request.id, STAGE.parse);
  let parsed;
  try {
    parsed = parseFile('dockerfile', request.path, request.bytes);
  } catch (thrown) {
    return { error: parseFailure(request.path, thrown) };
  }
  markProgress(progress, request.id, STAGE.evaluate);
  const evaluated = evaluateParsed(request.path, parsed, engine);
  return 'error' in evaluated ? evaluated : { document: evaluated.parsed.document as DockerfileDocument, raw: evaluated.raw };
}
