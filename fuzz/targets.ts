import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { classifyPath, DEFAULT_PATTERNS } from '../src/discover/file-patterns.js';
import { defaultBundleDir, readPolicyBundle } from '../src/evaluate/policy-bundle-fs.js';
import { loadPolicyEngine, type PolicyEngine } from '../src/evaluate/policy-engine.js';
import type { TargetFile } from '../src/model.js';
import { loadComposeFile } from '../src/parse/compose/load-project.js';
import { ParseError } from '../src/parse/parse-error.js';
import type { ParsedFile } from '../src/parse/parsed-file.js';
import { parseFile } from '../src/parse/registry.js';
import { runPipeline } from '../src/pipeline.js';
import { composeProject } from './compose-arbitrary.js';
import { dockerfileText } from './dockerfile-arbitrary.js';
import { checkResult, InvariantViolation, lineCount } from './invariants.js';
import { corpusMutation, type CorpusFile } from './mutate.js';

/** A fuzz target: an arbitrary input and a check that throws when an invariant breaks. */
export interface FuzzTarget<T> {
  readonly name: string;
  readonly what: string;
  readonly arbitrary: fc.Arbitrary<T>;
  check(input: T): Promise<void>;
}

const enc = (text: string) => new TextEncoder().encode(text);

/** An in-memory workspace as the pipeline's guarded reader sees it: absent files are ENOENT. */
function memoryReader(files: ReadonlyMap<string, Uint8Array>) {
  return async (path: string): Promise<Uint8Array> => {
    const bytes = files.get(path);
    if (bytes === undefined) throw Object.assign(new Error(`${path} does not exist in the workspace`), { code: 'ENOENT' });
    return bytes;
  };
}

/** A parse either succeeds or throws a ParseError naming the file and a line inside it; anything else is a bug. */
function checkParse(run: () => ParsedFile, files: ReadonlyMap<string, Uint8Array>): ParsedFile | undefined {
  try {
    return run();
  } catch (thrown) {
    if (!(thrown instanceof ParseError)) throw new InvariantViolation(`the parser threw ${(thrown as Error)?.name ?? typeof thrown}: ${(thrown as Error)?.message ?? String(thrown)}`);
    const bytes = files.get(thrown.path);
    if (bytes === undefined) throw new InvariantViolation(`a ParseError names ${JSON.stringify(thrown.path)}, not a file of the workspace`);
    if (thrown.line !== undefined && (thrown.line < 1 || thrown.line > Math.max(1, lineCount(bytes)))) {
      throw new InvariantViolation(`a ParseError is at line ${thrown.line} of a ${lineCount(bytes)}-line file\n${thrown.message}`);
    }
    return undefined;
  }
}

/** Every range `locate` gives for the document's own paths stays inside the file it names. */
function checkLocate(parsed: ParsedFile, path: string, files: ReadonlyMap<string, Uint8Array>, probes: readonly (readonly (string | number)[])[]): void {
  for (const probe of probes) {
    const range = parsed.locate(probe);
    if (range === undefined) continue;
    const file = range.path ?? path;
    const bytes = files.get(file);
    if (bytes === undefined) throw new InvariantViolation(`locate(${JSON.stringify(probe)}) names ${JSON.stringify(file)}, not a file of the workspace`);
    const lines = lineCount(bytes);
    if (range.startLine < 1 || range.startLine > range.endLine || range.endLine > lines) {
      throw new InvariantViolation(`locate(${JSON.stringify(probe)}) gives lines ${range.startLine}-${range.endLine} of a ${lines}-line file`);
    }
  }
}

/** Paths into a compose document: every service and its attributes, and a few that do not exist. */
function composeProbes(parsed: ParsedFile): (string | number)[][] {
  const services = (parsed.document as { services?: Record<string, Record<string, unknown>> }).services ?? {};
  const probes: (string | number)[][] = [['services'], ['nope'], ['services', 'nope', 'image'], []];
  for (const [name, service] of Object.entries(services)) {
    probes.push(['services', name]);
    for (const key of Object.keys(service ?? {})) probes.push(['services', name, key], ['services', name, key, 0], ['services', name, key, 'x']);
  }
  return probes;
}

export const dockerfileTarget: FuzzTarget<string> = {
  name: 'dockerfile',
  what: 'the Dockerfile parser (decode, directives, heredocs, stages, shell split) on generated Dockerfile-like text',
  arbitrary: dockerfileText,
  async check(text) {
    const bytes = enc(text);
    const files = new Map([['Dockerfile', bytes]]);
    const parsed = checkParse(() => parseFile('dockerfile', 'Dockerfile', bytes), files);
    if (!parsed) return;
    const instructions = parsed.document.kind === 'dockerfile' ? parsed.document.instructions : [];
    const n = instructions.length;
    checkLocate(parsed, 'Dockerfile', files, [[0], [n - 1], [n], ['instructions', 0], ['stages', 0], ['stages', 99], [], ['x']]);
    for (const instruction of instructions) {
      if (instruction.startLine < 1 || instruction.startLine > instruction.endLine || instruction.endLine > lineCount(bytes)) {
        throw new InvariantViolation(`an instruction spans lines ${instruction.startLine}-${instruction.endLine} of a ${lineCount(bytes)}-line file`);
      }
    }
  },
};

export const composeTarget: FuzzTarget<Record<string, string>> = {
  name: 'compose',
  what: 'the compose loader (anchors, merge keys, interpolation, .env, extends, include, override files) on generated projects',
  arbitrary: composeProject,
  async check(project) {
    const files = new Map(Object.entries(project).map(([p, t]) => [p, enc(t)] as const));
    const main = files.get('compose.yaml') as Uint8Array;
    let parsed: ParsedFile | undefined;
    try {
      parsed = await loadComposeFile('compose.yaml', main, { readFile: memoryReader(files), variables: { FROM_CONFIG: 'x' } });
    } catch (thrown) {
      checkParse(() => {
        throw thrown;
      }, files);
    }
    if (parsed) checkLocate(parsed, 'compose.yaml', files, composeProbes(parsed));
  },
};

/** A workspace for the whole pipeline: any mix of Dockerfiles and compose files. */
export type Workspace = Record<string, string | Uint8Array>;

/** Runs the pipeline as the CLI does (same discovery rules, guarded reader, policy, every renderer) over a workspace in memory. */
export async function checkWorkspace(workspace: Workspace, engine: PolicyEngine): Promise<void> {
  const files = new Map(Object.entries(workspace).map(([p, c]) => [p, typeof c === 'string' ? enc(c) : c] as const));
  const targets: TargetFile[] = [...files.keys()].flatMap((path) => {
    const kind = classifyPath(path, DEFAULT_PATTERNS);
    return kind ? [{ path, kind }] : [];
  });
  const result = await runPipeline({
    discover: async () => ({ files: targets, scope: 'fuzz' }),
    readFile: memoryReader(files),
    loadEngine: async () => engine,
  });
  checkResult(result, files);
}

let enginePromise: Promise<PolicyEngine> | undefined;
/** The embedded policy, loaded once per process (dist/policy; `npm run policy:build` makes it). */
export function sharedEngine(): Promise<PolicyEngine> {
  enginePromise ??= readPolicyBundle(defaultBundleDir()).then(loadPolicyEngine);
  return enginePromise;
}

export const pipelineTarget: FuzzTarget<{ dockerfile: string; project: Record<string, string> }> = {
  name: 'pipeline',
  what: 'the whole pipeline (discover, read, parse, Wasm policy, findings, every report format) on a generated Dockerfile and compose project',
  arbitrary: fc.record({ dockerfile: dockerfileText, project: composeProject }),
  async check({ dockerfile, project }) {
    await checkWorkspace({ Dockerfile: dockerfile, ...project }, await sharedEngine());
  },
};

/** The real corpus, or undefined (with the reason) when it is not there. */
export function loadCorpus(root: string): { files: CorpusFile[] } | { missing: string } {
  const dir = join(root, '..', 'shared', 'corpus', 'real');
  try {
    statSync(dir);
  } catch {
    return { missing: `the real corpus is not at ${relative(root, dir)}` };
  }
  const files: CorpusFile[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const kind = /dockerfile|containerfile/i.test(entry.name) ? 'dockerfile' : /\.ya?ml$/.test(entry.name) ? 'compose' : undefined;
        if (kind) files.push({ kind, bytes: new Uint8Array(readFileSync(path)) });
      }
    }
  };
  walk(dir);
  return { files };
}

/** Mutated real files (bytes flipped, lines cut, duplicated and spliced, hostile tokens inserted) through the whole pipeline. */
export function corpusTarget(corpus: readonly CorpusFile[]): FuzzTarget<{ name: string; bytes: Uint8Array }> {
  return {
    name: 'corpus',
    what: `mutations of ${corpus.length} real Dockerfiles and compose files through the whole pipeline`,
    arbitrary: corpusMutation(corpus),
    async check({ name, bytes }) {
      await checkWorkspace({ [name]: bytes }, await sharedEngine());
    },
  };
}
