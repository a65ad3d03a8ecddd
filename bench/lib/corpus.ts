import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileKind } from '../../src/model.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The shared corpus, by its path relative to the repository root (never copied into the project). */
export const CORPUS_REAL = '../shared/corpus/real';
/** The configuration that classifies the corpus's files (see the file's comment). */
export const CORPUS_CONFIG = 'bench/fixtures/corpus-config.yml';
/** Scratch space for generated inputs and builds; ignored by git. */
export const SCRATCH = join(REPO_ROOT, '.tmp', 'bench');

export interface CorpusFile {
  readonly path: string;
  readonly kind: FileKind;
}

/** Whether the corpus is present; every section that needs it is skipped with a message when not. */
export function corpusPresent(): boolean {
  return existsSync(join(REPO_ROOT, CORPUS_REAL, 'dockerfiles'));
}

/**
 * The files the full scan checks, as the configuration above classifies them, sorted, with paths
 * relative to the repository root.
 */
export function corpusFiles(): CorpusFile[] {
  const root = join(REPO_ROOT, CORPUS_REAL);
  const out: CorpusFile[] = [];
  for (const path of walk(join(root, 'dockerfiles'))) out.push({ path: relative(REPO_ROOT, path), kind: 'dockerfile' });
  for (const path of walk(join(root, 'compose'))) {
    if (/\.ya?ml$/.test(path)) out.push({ path: relative(REPO_ROOT, path), kind: 'compose' });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/**
 * A short fingerprint of the corpus (names and contents): two runs with the same fingerprint
 * scanned the same bytes, so their figures compare like with like.
 */
export function fingerprint(files: readonly CorpusFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.kind}\0${file.path}\0`).update(readFileSync(join(REPO_ROOT, file.path)));
  return hash.digest('hex').slice(0, 16);
}
