import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './run-action.js';

/**
 * Runs `body` (JavaScript, an ES module) in a fresh node process, after starting and closing a worker
 * pool of one worker when `startPool` (what a scan big enough for workers does to the process), and
 * returns what it printed, parsed as JSON. For what a pool changes process-wide: V8's flags.
 */
export function inFreshProcess<T>(startPool: boolean, body: string, nodeFlags: readonly string[] = []): T {
  const url = (path: string) => JSON.stringify(pathToFileURL(join(REPO_ROOT, path)).href);
  const script = `
    if (${startPool}) {
      const { defaultBundleDir, readPolicyBundle } = await import(${url('src/evaluate/policy-bundle-fs.ts')});
      const { loadPolicyEngine } = await import(${url('src/evaluate/policy-engine.ts')});
      const { findWorkerScript } = await import(${url('src/parallel/pool-settings.ts')});
      const { startFilePool } = await import(${url('src/parallel/worker-pool.ts')});
      const engine = await loadPolicyEngine(await readPolicyBundle(defaultBundleDir()));
      await startFilePool(engine.compiled, { workers: 1, script: findWorkerScript(), fileTimeoutMs: 60000, startTimeoutMs: 60000 }).close();
    }
    ${body}`;
  const run = spawnSync(process.execPath, [...nodeFlags, '--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as T;
}
