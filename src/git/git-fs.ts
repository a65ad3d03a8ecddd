import { execFile } from 'node:child_process';
import type { ChangedFileEntry } from '../discover/select-changed-files.js';
import { parseNameStatus } from './name-status.js';

/** The few git questions discovery asks of the checkout; a port so unit tests need no repository. */
export interface GitPort {
  /** True when the commit is present in the local clone (a shallow clone often lacks the base). */
  hasCommit(sha: string): Promise<boolean>;
  /** Files changed between two commits; `mergeBase` diffs from their merge base, as a pull request does. */
  diff(base: string, head: string, options?: { readonly mergeBase?: boolean }): Promise<ChangedFileEntry[]>;
  /** The bytes of `path` at `sha`, or undefined when the file does not exist there. */
  show(sha: string, path: string): Promise<Uint8Array | undefined>;
  /** The commit a ref names locally (e.g. `origin/main`), or undefined. */
  resolveRef(ref: string): Promise<string | undefined>;
  /**
   * Paths of the regular files under directory `dir` at `sha` (recursively, repository-relative), or
   * undefined when `dir` is not a directory there. Symbolic links and submodules are left out.
   */
  listTree?(sha: string, dir: string): Promise<readonly string[] | undefined>;
  /** The commit checked out (`git rev-parse HEAD`); rejects with git's message when there is none to tell. */
  headCommit?(): Promise<string>;
}

/** A change list of 100,000 paths of 300 bytes each: ample, and it bounds what a diff can allocate. */
const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** Runs `git` directly (no shell) in `cwd`; every argument is passed as is. */
export function createGit(cwd: string): GitPort {
  const run = (args: readonly string[]) =>
    new Promise<{ ok: boolean; stdout: Buffer; stderr: string }>((resolve) => {
      execFile(
        'git',
        ['-c', 'core.quotepath=off', ...args],
        { cwd, encoding: 'buffer', maxBuffer: MAX_OUTPUT_BYTES, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } },
        // Without git on PATH there is no stderr: the spawn error says why instead.
        (error, stdout, stderr) => resolve({ ok: !error, stdout, stderr: stderr.toString('utf8').trim() || (error?.message ?? '') }),
      );
    });
  const requireSha = (sha: string) => {
    if (!SHA.test(sha)) throw new Error(`Not a commit id: "${sha}".`);
  };
  return {
    async hasCommit(sha) {
      if (!SHA.test(sha)) return false;
      return (await run(['cat-file', '-e', `${sha}^{commit}`])).ok;
    },
    async diff(base, head, options = {}) {
      requireSha(base);
      requireSha(head);
      const range = options.mergeBase ? `${base}...${head}` : `${base}..${head}`;
      const result = await run(['diff', '--name-status', '-z', '-M', '--no-ext-diff', range, '--']);
      if (!result.ok) throw new Error(`git diff ${range} failed: ${result.stderr}`);
      return parseNameStatus(result.stdout.toString('utf8'));
    },
    async show(sha, path) {
      requireSha(sha);
      const result = await run(['cat-file', 'blob', `${sha}:${path.replace(/^\.?\//, '')}`]);
      return result.ok ? new Uint8Array(result.stdout) : undefined;
    },
    async listTree(sha, dir) {
      requireSha(sha);
      const clean = dir.replace(/^\.?\//, '').replace(/\/+$/, '');
      const spec = clean === '' || clean === '.' ? `${sha}^{tree}` : `${sha}:${clean}`;
      const type = await run(['cat-file', '-t', spec]);
      if (!type.ok || type.stdout.toString('utf8').trim() !== 'tree') return undefined;
      const result = await run(['ls-tree', '-r', '-z', '--full-tree', sha, '--', ...(clean === '' || clean === '.' ? [] : [clean + '/'])]);
      if (!result.ok) throw new Error(`git ls-tree ${sha.slice(0, 12)} ${clean} failed: ${result.stderr}`);
      // Each entry is `<mode> <type> <object>\t<path>`; 100644 and 100755 are regular files.
      return result.stdout
        .toString('utf8')
        .split('\0')
        .filter((entry) => /^100(644|755) blob /.test(entry))
        .map((entry) => entry.slice(entry.indexOf('\t') + 1));
    },
    async headCommit() {
      const result = await run(['rev-parse', '--verify', 'HEAD^{commit}']);
      const sha = result.stdout.toString('utf8').trim();
      if (!result.ok || !SHA.test(sha)) throw new Error(`git rev-parse HEAD failed: ${result.stderr || 'no commit id in its answer'}`);
      return sha;
    },
    async resolveRef(ref) {
      if (ref.startsWith('-')) return undefined;
      const result = await run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
      const sha = result.stdout.toString('utf8').trim();
      return result.ok && SHA.test(sha) ? sha : undefined;
    },
  };
}
