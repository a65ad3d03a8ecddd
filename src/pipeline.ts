import type { CheckError, Finding, ScanResult, SuppressedFinding, TargetFile } from './model.js';
import { describeError } from './errors.js';
import type { Catalogue } from './evaluate/catalogue.js';
import type { Discovery } from './discover/discover-targets.js';
import type { PolicyEngine } from './evaluate/policy-engine.js';
import type { FileRefiner } from './evaluate/apply-config-setup.js';
import { toFindings } from './evaluate/to-findings.js';
import { ParseError } from './parse/parse-error.js';
import { loadTarget } from './parse/registry.js';

/** The effects the pipeline needs; the action and the CLI each supply their own. */
export interface PipelinePorts {
  discover(): Promise<Discovery>;
  readFile(path: string): Promise<Uint8Array>;
  loadEngine(): Promise<PolicyEngine>;
  /**
   * Custom policies and the configuration file (optional): given the built-in engine, returns what
   * turns one file's built-in findings into the final ones (custom findings added; disabled,
   * excluded and suppressed findings taken out).
   */
  loadRefiner?(engine: PolicyEngine): Promise<FileRefiner>;
  /** Values for compose `${VAR}` interpolation (the configuration's `compose-variables`); they win over `.env`. */
  readonly composeVariables?: Readonly<Record<string, string>>;
}

export interface PipelineResult extends ScanResult {
  /** What was scanned, in words. */
  readonly scope: string;
  /** Every rule the policy bundle holds, so reports can say which controls were checked and passed. */
  readonly catalogue: Catalogue;
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
  const refine = ports.loadRefiner ? await ports.loadRefiner(engine) : undefined;
  const findings: Finding[] = [];
  const errors: CheckError[] = [];
  const suppressed: SuppressedFinding[] = [];
  const files = discovery.files;
  // A compose project is checked once, as a whole, at the first of its files; its other files are still read.
  const projectsDone = new Set<string>();
  for (let start = 0; start < files.length; start += READ_CONCURRENCY) {
    const batch = files.slice(start, start + READ_CONCURRENCY);
    const contents = await Promise.all(batch.map((file) => readOrError(ports, file)));
    for (const [i, file] of batch.entries()) {
      const content = contents[i];
      if (content instanceof Uint8Array) {
        const project = file.project && file.project.length > 1 ? file.project.join('\n') : undefined;
        if (project !== undefined && projectsDone.has(project)) continue;
        if (project !== undefined) projectsDone.add(project);
        const checked = await checkFile(file, content, engine, ports, refine);
        findings.push(...checked.findings);
        errors.push(...checked.errors);
        suppressed.push(...(checked.suppressed ?? []));
      } else if (content) {
        errors.push(content);
      }
    }
  }
  const notices = discovery.notices ?? [];
  return { scope: discovery.scope, files, findings, errors, catalogue: engine.catalogue, ...(notices.length > 0 ? { notices } : {}), ...(suppressed.length > 0 ? { suppressed } : {}) };
}

async function readOrError(ports: PipelinePorts, file: TargetFile): Promise<Uint8Array | CheckError> {
  try {
    return await ports.readFile(file.path);
  } catch (thrown) {
    return { kind: 'read', path: file.path, message: describeError(thrown) };
  }
}

async function checkFile(
  file: TargetFile,
  content: Uint8Array,
  engine: PolicyEngine,
  ports: PipelinePorts,
  refine?: FileRefiner,
): Promise<{ findings: Finding[]; errors: CheckError[]; suppressed?: SuppressedFinding[] }> {
  let parsed;
  try {
    // Related files (a compose project's .env, extends, include and override files) go through the same guarded reader.
    parsed = await loadTarget(file, content, { readFile: (path) => ports.readFile(path), ...(ports.composeVariables ? { variables: ports.composeVariables } : {}) });
  } catch (thrown) {
    const line = thrown instanceof ParseError ? thrown.line : undefined;
    const message = thrown instanceof ParseError ? thrown.message : `Could not parse the file: ${describeError(thrown)}`;
    // A problem in a related file is reported against that file, at its line.
    const path = thrown instanceof ParseError ? thrown.path : file.path;
    return { findings: [], errors: [{ kind: 'parse' as const, path, ...(line ? { line } : {}), message }] };
  }
  try {
    const checked = toFindings(engine.evaluate(parsed.document), parsed, engine.catalogue);
    return refine ? await refine(checked, parsed) : checked;
  } catch (thrown) {
    return { findings: [], errors: [{ kind: 'policy' as const, path: file.path, message: describeError(thrown) }] };
  }
}
