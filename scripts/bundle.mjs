#!/usr/bin/env node
// Bundles the action (dist/index.js), the CLI (dist/cli/index.js) and the worker thread both start
// to check the Dockerfiles of a big scan (dist/worker/index.js, found beside them) with ncc. dist/policy/ is
// built separately (npm run policy:build) and kept; everything else under dist/ is rebuilt from
// scratch so a removed module cannot linger in the committed bundle.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

for (const entry of readdirSync(dist, { withFileTypes: true })) {
  if (entry.name !== 'policy') rmSync(join(dist, entry.name), { recursive: true, force: true });
}

const builds = [
  ['src/index.ts', 'dist'],
  ['src/cli-main.ts', 'dist/cli'],
  ['src/parallel/check-worker.ts', 'dist/worker'],
];
for (const [entry, out] of builds) {
  const result = spawnSync(process.execPath, [ncc, 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// mvdan-sh is required on first use, for the few RUN scripts the fast shell parser leaves to it
// (src/parse/shell/mvdan-sh-module.ts), which ncc does not follow: ship the package beside the
// bundles, where Node's resolution from dist/, dist/cli/ and dist/worker/ finds it. Without it the
// action, run from its own checkout (no node_modules), fails to parse any such Dockerfile.
const shell = join(dist, 'node_modules', 'mvdan-sh');
mkdirSync(shell, { recursive: true });
for (const file of ['package.json', 'index.js', 'LICENSE']) copyFileSync(join(root, 'node_modules', 'mvdan-sh', file), join(shell, file));

// The CLI is run as a command: give it a shebang and the executable bit.
const cli = join(dist, 'cli', 'index.js');
const source = readFileSync(cli, 'utf8');
if (!source.startsWith('#!')) writeFileSync(cli, '#!/usr/bin/env node\n' + source);
chmodSync(cli, 0o755);
