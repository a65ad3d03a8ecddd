import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The real-world corpus beside the repository (tests that need it skip without it). */
export const CORPUS = '../shared/corpus/real';

/** Every YAML file below `dir`, walked depth first. */
export function* yamlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* yamlFiles(path);
    else if (/\.ya?ml$/.test(name)) yield path;
  }
}

/** A workspace in a fresh temp directory: hostile files are made at test time, never committed. */
export function makeWorkspace(files: Record<string, string | Uint8Array> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'cpa-hostile-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

export interface JsonRun {
  code: number;
  stderr: string;
  report: {
    verdict: string;
    findings: { ruleId: string; path: string; startLine: number; endLine: number; message: string }[];
    errors: { kind: string; path?: string; line?: number; message: string }[];
    files: { path: string }[];
  };
}

/** The CLI in-process with `--format json`, from inside the workspace. */
export async function scanJson(cwd: string, args: readonly string[] = ['.']): Promise<JsonRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['scan', '--format', 'json', ...args], cwd, { write: (t: string) => (stdout += t) }, { write: (t: string) => (stderr += t) });
  return { code, stderr, report: JSON.parse(stdout || '{"findings":[],"errors":[],"files":[]}') as JsonRun['report'] };
}

/** The CLI in-process in any format, for checking what reaches the log or the summary. */
export async function scanText(cwd: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['scan', ...args], cwd, { write: (t: string) => (stdout += t) }, { write: (t: string) => (stderr += t) });
  return { code, stdout, stderr };
}

export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident set size of the CLI process, in MiB. */
  peakRssMiB: number;
  seconds: number;
}

/**
 * The CLI (from source, through the TypeScript loader) as a child process, reporting its own peak RSS
 * on exit: memory a hostile file makes the scanner use, measured where it is spent.
 */
export async function scanChild(cwd: string, args: readonly string[]): Promise<ChildRun> {
  const node = process.env.CONTAINER_POLICY_TEST_NODE ?? process.execPath;
  const report = `process.on('exit',()=>process.stderr.write('\\npeak-rss-kb='+process.resourceUsage().maxRSS+'\\n'))`;
  const started = performance.now();
  const child = spawn(node, ['--import', import.meta.resolve('tsx'), '--import', `data:text/javascript,${encodeURIComponent(report)}`, join(REPO_ROOT, 'src', 'cli-main.ts'), 'scan', ...args], { cwd });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const kb = Number(/peak-rss-kb=(\d+)/.exec(stderr)?.[1] ?? NaN);
  return { code, stdout, stderr: stderr.replace(/\npeak-rss-kb=\d+\n/, ''), peakRssMiB: Math.round(kb / 1024), seconds: (performance.now() - started) / 1000 };
}

/** Every finding's lines lie inside the file it names (1 ≤ start ≤ end ≤ line count). */
export function linesOf(text: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.length;
}
