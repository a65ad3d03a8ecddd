import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import * as glob from '@actions/glob';
import { compilePathScope } from '../../src/discover/path-filter.js';
import { UserError } from '../../src/errors.js';

const TREE = [
  'Dockerfile',
  'compose.yaml',
  '.devcontainer/Dockerfile',
  '.github/workflows/ci.yml',
  'services/api/Dockerfile',
  'services/api/.hidden/Dockerfile',
  'services/web/Dockerfile.prod',
  'services/web/compose.override.yaml',
  'vendor/lib/Dockerfile',
  'vendor/Dockerfile',
  'test/fixtures/bad/Dockerfile',
  'docs/a[1].md',
  'deploy/prod/compose.yml',
  'deploy/dev/compose.yml',
];

/** Pattern lists (include, exclude) compared against the real @actions/glob globber. */
const CASES: [string[], string[]][] = [
  [['**'], []],
  [['**'], ['vendor']],
  [['**'], ['vendor/']],
  [['**'], ['**/fixtures/**', '.devcontainer']],
  [['services'], []],
  [['services/*/Dockerfile*'], []],
  [['**/Dockerfile'], ['services/api']],
  [['*'], []],
  [['Dockerfile'], []],
  [['deploy/*/compose.yml'], ['deploy/dev/**']],
  [['services/**', '!services/web', 'services/web/compose.override.yaml'], []],
  [['**/compose*.y?ml'], []],
  [['deploy/[dp]*'], []],
  [['deploy/[!d]*'], []],
  [['docs/a\\[1\\].md'], []],
  [['./services/api'], []],
  [['# a comment', '.github'], []],
  [['**/.hidden/**'], []],
  [['services/**/Dockerfile'], ['**/.hidden']],
];

async function actionsGlob(root: string, include: string[], exclude: string[]): Promise<string[]> {
  // @actions/glob resolves relative patterns against the process directory; anchor them at the tree.
  const anchor = (p: string) => {
    const negate = /^!+/.exec(p)?.[0] ?? '';
    const body = p.slice(negate.length).replace(/^\.\//, '');
    return `${negate}${root}/${body}`;
  };
  const lines = [...include, ...exclude.map((e) => `!${e}`)].map((l) => (l.startsWith('#') ? l : anchor(l)));
  const globber = await glob.create(lines.join('\n'), { followSymbolicLinks: false, matchDirectories: false });
  return (await globber.glob()).map((p) => relative(root, p)).sort();
}

describe('compilePathScope', () => {
  const root = mkdtempSync(join(tmpdir(), 'cpa-glob-'));
  for (const path of TREE) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '');
  }

  for (const [include, exclude] of CASES) {
    it(`selects what @actions/glob selects for include ${JSON.stringify(include)} exclude ${JSON.stringify(exclude)}`, async () => {
      const expected = await actionsGlob(root, include, exclude);
      const inScope = compilePathScope({ include, exclude });
      assert.deepEqual(TREE.filter(inScope).sort(), expected);
    });
  }

  it('includes dot-directories by default patterns', () => {
    const all = compilePathScope({ include: ['**'], exclude: [] });
    assert.ok(all('.devcontainer/Dockerfile'));
    assert.ok(all('.github/workflows/ci.yml'));
  });

  it('refuses patterns that reach outside the workspace, naming the pattern', () => {
    for (const bad of ['/etc/**', '../other/**', 'a/../../b', '~/x']) {
      assert.throws(() => compilePathScope({ include: [bad], exclude: [] }), (e: unknown) => e instanceof UserError && e.message.includes(bad));
    }
    assert.throws(() => compilePathScope({ include: ['**'], exclude: ['../x'] }), UserError);
  });
});
