import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A real git repository in a temporary directory, driven through the git command line. */
export class GitRepo {
  constructor(readonly root: string) {}

  /** Runs git in the repository with a fixed identity and dates, returning trimmed stdout. */
  git(...args: string[]): string {
    return execFileSync('git', ['-c', 'user.name=Test Author', '-c', 'user.email=author@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd: this.root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' },
    }).trim();
  }

  /** Writes files (creating directories), relative to the repository root. */
  write(files: Record<string, string | Uint8Array>): this {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(this.root, path)), { recursive: true });
      writeFileSync(join(this.root, path), content);
    }
    return this;
  }

  symlink(path: string, target: string): this {
    mkdirSync(dirname(join(this.root, path)), { recursive: true });
    symlinkSync(target, join(this.root, path));
    return this;
  }

  remove(...paths: string[]): this {
    for (const path of paths) rmSync(join(this.root, path), { force: true });
    return this;
  }

  /** Stages everything (renames are detected by git itself) and commits; returns the new commit id. */
  commit(message: string): string {
    this.git('add', '--all');
    this.git('commit', '--quiet', '--allow-empty', '-m', message);
    return this.head();
  }

  head(): string {
    return this.git('rev-parse', 'HEAD');
  }
}

/** `git init` in a new temporary directory, on branch main. */
export function createGitRepo(prefix = 'cpa-git-'): GitRepo {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const repo = new GitRepo(root);
  repo.git('init', '--quiet', '--initial-branch=main');
  return repo;
}

/** A plain directory (no git history) holding the given files, like a checkout whose history is missing. */
export function createWorkspace(files: Record<string, string | Uint8Array>, prefix = 'cpa-ws-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  new GitRepo(root).write(files);
  return root;
}

/**
 * Makes the directory `root` a git checkout of one commit holding its files, as actions/checkout leaves
 * a pull request's merge commit (depth 1), and returns that commit: pass it as the run's GITHUB_SHA
 * (`sha` of runBundledAction), which is what a pull_request run's default checkout holds.
 */
export function checkOut(root: string): string {
  const repo = new GitRepo(root);
  repo.git('init', '--quiet', '--initial-branch=main');
  return repo.commit('checkout');
}
