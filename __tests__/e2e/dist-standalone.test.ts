import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { splitSimpleCommands } from '../../src/parse/shell/split-simple.js';
import { ACTION_NODE, REPO_ROOT } from '../support/run-action.js';
import { writeTree } from '../support/temp-tree.js';

// A RUN script the fast shell parser leaves to mvdan-sh (a regex test, arithmetic in parentheses), so
// that parser is loaded; the first test checks it still is left to it.
const SCRIPT = '[[ "$(uname -m)" =~ ^x86 ]] && echo $(( (1 + 2) * 3 ))';
const DOCKERFILE = ['FROM alpine:3.19', `RUN ${SCRIPT}`, 'USER nobody', ''].join('\n');

/**
 * The runner checks out the action and starts dist/index.js: no node_modules anywhere above it.
 * These tests run a copy of dist/ alone, so a package the bundles load at run time but do not ship fails here.
 */
describe('the bundles run from a copy of dist/ alone', () => {
  it('parse a Dockerfile whose RUN script needs the full shell parser', () => {
    assert.equal(splitSimpleCommands(SCRIPT), undefined, 'the script must need mvdan-sh, or this test proves nothing');
    const dist = join(writeTree({}, 'cpa-dist-'), 'dist');
    cpSync(join(REPO_ROOT, 'dist'), dist, { recursive: true });
    const cwd = writeTree({ Dockerfile: DOCKERFILE });
    const run = spawnSync(ACTION_NODE, [join(dist, 'cli', 'index.js'), 'scan', 'Dockerfile', '--format', 'json'], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    const report = JSON.parse(run.stdout) as { errors: unknown[]; summary: { files: number } };
    assert.deepEqual(report.errors, [], run.stderr);
    assert.equal(report.summary.files, 1);
  });

  it('resolve that parser from every entry point', () => {
    const dist = join(writeTree({}, 'cpa-dist-'), 'dist');
    cpSync(join(REPO_ROOT, 'dist'), dist, { recursive: true });
    for (const entry of ['index.js', 'cli/index.js', 'worker/index.js']) {
      if (!existsSync(join(dist, entry))) continue;
      assert.ok(createRequire(join(dist, entry)).resolve('mvdan-sh').startsWith(dist), entry);
    }
  });
});
