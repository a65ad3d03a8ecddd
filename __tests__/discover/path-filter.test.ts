import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import * as glob from '@actions/glob';
import { DEFAULT_SCOPE, compilePathScope } from '../../src/discover/path-filter.js';
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

  describe('names holding control, format and non-ASCII characters', () => {
    // Linux allows any byte but `/` and NUL in a name; a pull request can add such a file.
    const HOSTILE = ['a\nb/Dockerfile', 'a\rb/Dockerfile', 'a\tb/Dockerfile', 'c\u202Ed/Dockerfile', 'x\u2028y/Dockerfile', 'ü/Dockerfile', 'dir\n/compose.yaml', 'a\nb/c\rd/Dockerfile'];
    const hostileRoot = mkdtempSync(join(tmpdir(), 'cpa-glob-hostile-'));
    for (const path of HOSTILE) {
      mkdirSync(dirname(join(hostileRoot, path)), { recursive: true });
      writeFileSync(join(hostileRoot, path), '');
    }

    it('keeps every such path in the default scope', () => {
      const inScope = compilePathScope(DEFAULT_SCOPE);
      for (const path of HOSTILE) assert.ok(inScope(path), JSON.stringify(path));
    });

    const HOSTILE_CASES: [string[], string[]][] = [
      [['**'], []],
      [['**/Dockerfile'], []],
      [['a*'], []],
      [['a?b/**'], []],
      [['a?b'], []],
      [['*/Dockerfile'], []],
      [['**'], ['a?b']],
      [['**'], ['**/c?d']],
    ];
    for (const [include, exclude] of HOSTILE_CASES) {
      it(`selects what @actions/glob selects among them for include ${JSON.stringify(include)} exclude ${JSON.stringify(exclude)}`, async () => {
        const expected = await actionsGlob(hostileRoot, include, exclude);
        const inScope = compilePathScope({ include, exclude });
        assert.deepEqual(HOSTILE.filter(inScope).sort(), expected);
      });
    }

    it('matches a newline written into a pattern literally', () => {
      // @actions/glob reads one pattern per line, so this case has no counterpart to compare with.
      const inScope = compilePathScope({ include: ['**'], exclude: ['*\n*/**'] });
      assert.deepEqual(HOSTILE.filter(inScope), ['a\rb/Dockerfile', 'a\tb/Dockerfile', 'c\u202Ed/Dockerfile', 'x\u2028y/Dockerfile', 'ü/Dockerfile']);
    });

    it('lets `?` stand for one character outside the Basic Multilingual Plane', () => {
      assert.ok(compilePathScope({ include: ['e?/Dockerfile'], exclude: [] })('e\u{1F600}/Dockerfile'));
      assert.ok(!compilePathScope({ include: ['**'], exclude: ['e?'] })('e\u{1F600}/Dockerfile'));
    });
  });

  it('refuses patterns that reach outside the workspace, naming the pattern', () => {
    for (const bad of ['/etc/**', '../other/**', 'a/../../b', '~/x']) {
      assert.throws(() => compilePathScope({ include: [bad], exclude: [] }), (e: unknown) => e instanceof UserError && e.message.includes(bad));
    }
    assert.throws(() => compilePathScope({ include: ['**'], exclude: ['../x'] }), UserError);
  });
});
