import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MIN_FILES_FOR_WORKERS } from '../../src/parallel/pool-settings.js';
import { ACTION_NODE, REPO_ROOT } from '../support/run-action.js';
import { writeTree } from '../support/temp-tree.js';

interface Report {
  readonly summary: { readonly files: number };
  readonly findings: readonly unknown[];
  readonly errors: readonly unknown[];
}

/** Runs a copy of the bundled CLI (so dist/worker/ must be shipped beside it) over `paths` of `cwd`. */
function scan(dist: string, cwd: string, paths: readonly string[]): Report {
  const run = spawnSync(ACTION_NODE, [join(dist, 'cli', 'index.js'), 'scan', ...paths, '--format', 'json'], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  assert.equal(run.status, 1, run.stderr);
  return JSON.parse(run.stdout) as Report;
}

const sorted = (items: readonly unknown[]) => items.map((item) => JSON.stringify(item)).sort();

describe('the bundled CLI on worker threads', () => {
  it('finds in a big scan exactly what it finds in small scans of the same files', () => {
    const dist = join(writeTree({}, 'cpa-dist-'), 'dist');
    cpSync(join(REPO_ROOT, 'dist'), dist, { recursive: true });
    // Enough Dockerfiles for worker threads in one scan, and few enough in each half for none.
    const count = MIN_FILES_FOR_WORKERS + 6;
    const tree: Record<string, string | Uint8Array> = {};
    for (let i = 0; i < count; i++) {
      const half = i % 2 === 0 ? 'a' : 'b';
      tree[`${half}/svc-${i}/Dockerfile`] =
        i === 3 ? new Uint8Array([0, 1, 2, 3]) : `FROM node:${i}\nRUN apt-get update && if [ -n "$X" ]; then apt-get install -y curl; fi\nUSER ${i % 3 ? 'root' : '1000'}\n`;
    }
    const cwd = writeTree(tree);
    const whole = scan(dist, cwd, ['a', 'b']);
    const halves = [scan(dist, cwd, ['a']), scan(dist, cwd, ['b'])];
    assert.equal(whole.summary.files, count);
    assert.deepEqual(sorted(whole.findings), sorted(halves.flatMap((r) => r.findings)));
    assert.deepEqual(sorted(whole.errors), sorted(halves.flatMap((r) => r.errors)));
    assert.equal(whole.errors.length, 1, 'the binary file is an error');
  });

  it('reads compose files\' related files on the workers when the folder is scanned from outside it (scan ../repo)', () => {
    const dist = join(writeTree({}, 'cpa-dist-'), 'dist');
    cpSync(join(REPO_ROOT, 'dist'), dist, { recursive: true });
    const tree: Record<string, string> = { 'repo/shared.env': 'API_TOKEN=hunter2\n', 'elsewhere/.keep': '' };
    for (let i = 0; i < MIN_FILES_FOR_WORKERS + 6; i++) {
      // One service name per project, so that each finding in the shared file is its own (the same one would be reported once).
      tree[`repo/svc-${i}/compose.yaml`] = `services:\n  web-${i}:\n    image: nginx:1.${i}\n    env_file: ../shared.env\n`;
    }
    const root = writeTree(tree);
    const inside = scan(dist, join(root, 'repo'), ['.']);
    const outside = scan(dist, join(root, 'elsewhere'), ['../repo']);
    const paths = (report: Report, prefix: string) => sorted(report.findings.map((f) => ({ ...(f as { path: string }), path: (f as { path: string }).path.slice(prefix.length) })));
    assert.equal(outside.errors.length, 0, JSON.stringify(outside.errors.slice(0, 2)));
    assert.deepEqual(paths(outside, '../repo/'), paths(inside, ''));
    assert.equal(outside.findings.filter((f) => (f as { path: string }).path === '../repo/shared.env').length, MIN_FILES_FOR_WORKERS + 6, 'every service\'s env_file was read');
  });
});
