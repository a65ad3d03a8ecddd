import type { CheckError, Finding, ScanResult, TargetFile } from './model.js';
import { describeError } from './errors.js';
import type { Discovery } from './discover/discover-targets.js';
import type { PolicyEngine } from './evaluate/policy-engine.js';
import { toFindings } from './evaluate/to-findings.js';
import { ParseError } from './parse/parse-error.js';
import { parseFile } from './parse/registry.js';

/** The effects the pipeline needs; the action and the CLI each supply their own. */
export interface PipelinePorts {
  discover(): Promise<Discovery>;
  readFile(path: string): Promise<Uint8Array>;
  loadEngine(): Promise<PolicyEngine>;
}

export interface PipelineResult extends ScanResult {
  /** What was scanned, in words. */
  readonly scope: string;
}

/** Reads this many files at once: enough to hide disk latency, few enough to bound memory. */
const READ_CONCURRENCY = 16;

/**
 * discover → read → parse → evaluate, over every file. A file that cannot be read, parsed or
 * evaluated becomes an error for that file and the rest are still checked; the policy is loaded
 * even when no file matched, so a broken bundle never passes silently.
 */
export async function runPipeline(ports: PipelinePorts): Promise<PipelineResult> {
  const [discovery, engine] = await Promise.all([ports.discover(), ports.loadEngine()]);
  const findings: Finding[] = [];
  const errors: CheckError[] = [];
  const files = discovery.files;
  for (let start = 0; start < files.length; start += READ_CONCURRENCY) {
    const batch = files.slice(start, start + READ_CONCURRENCY);
    const contents = await Promise.all(batch.map((file) => readOrError(ports, file)));
    batch.forEach((file, i) => {
      const content = contents[i];
      if (content instanceof Uint8Array) {
        const checked = checkFile(file, content, engine);
        findings.push(...checked.findings);
        errors.push(...checked.errors);
      } else if (content) {
        errors.push(content);
      }
    });
  }
  return { scope: discovery.scope, files, findings, errors };
}

async function readOrError(ports: PipelinePorts, file: TargetFile): Promise<Uint8Array | CheckError> {
  try {
    return await ports.readFile(file.path);
  } catch (thrown) {
    return { kind: 'read', path: file.path, message: describeError(thrown) };
  }
}

function checkFile(file: TargetFile, content: Uint8Array, engine: PolicyEngine) {
  let parsed;
  try {
    parsed = parseFile(file.kind, file.path, content);
  } catch (thrown) {
    const line = thrown instanceof ParseError ? thrown.line : undefined;
    const message = thrown instanceof ParseError ? thrown.message : `Could not parse the file: ${describeError(thrown)}`;
    return { findings: [], errors: [{ kind: 'parse' as const, path: file.path, ...(line ? { line } : {}), message }] };
  }
  try {
    return toFindings(engine.evaluate(parsed.document), parsed, engine.catalogue);
  } catch (thrown) {
    return { findings: [], errors: [{ kind: 'policy' as const, path: file.path, message: describeError(thrown) }] };
  }
}
