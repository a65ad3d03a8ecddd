import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCliArgs, USAGE } from '../../src/config/cli-args.js';
import { join } from 'node:path';
import { makeWorkspace, scanJson, type JsonRun } from '../robustness/helpers.js';

// `--allow-errors` mirrors the action's allow-errors input; a walked folder includes the files of
// configured compose projects whatever their names.

const GOOD = 'FROM alpine:3.20\nUSER app\nHEALTHCHECK CMD true\n';

describe('--allow-errors', () => {
  it('is parsed, and off by default', () => {
    assert.equal(parseCliArgs(['scan', '--allow-errors'], '/w', false).allowErrors, true);
    assert.equal(parseCliArgs(['scan'], '/w', false).allowErrors, undefined);
    assert.match(USAGE, /--allow-errors/);
  });

  it('lets the run pass with files that could not be checked, still reporting them', async () => {
    const workspace = makeWorkspace({ Dockerfile: GOOD, 'compose.yaml': 'services: [unclosed\n' });
    const strict = await scanJson(workspace);
    assert.equal(strict.code, 1);
    assert.equal(strict.report.verdict, 'fail');
    const allowed = await scanJson(workspace, ['--allow-errors', '.']);
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.equal(allowed.report.verdict, 'pass');
    assert.equal(allowed.report.errors.length, 1, 'the error is still reported');
    assert.equal(allowed.report.errors[0]?.path, 'compose.yaml');
  });

  it('does not let findings pass: only errors are allowed', async () => {
    const workspace = makeWorkspace({ Dockerfile: 'FROM node:latest\n', 'compose.yaml': 'services: [unclosed\n' });
    const run = await scanJson(workspace, ['--allow-errors', '.']);
    assert.equal(run.code, 1);
    assert.equal(run.report.verdict, 'fail');
    assert.ok(run.report.findings.some((f) => f.path === 'Dockerfile'));
  });
});

describe('configured compose projects when the CLI walks a folder', () => {
  const CONFIG = ['compose-projects:', '  - name: shop', '    files: [stack/base.yml, stack/prod.yml]', ''].join('\n');
  const files = {
    '.github/container-policy.yml': CONFIG,
    'stack/base.yml': 'services:\n  web:\n    image: nginx:1.27\n',
    'stack/prod.yml': 'services:\n  web:\n    privileged: true\n',
  };

  it('checks the project files although their names match no pattern', async () => {
    const run = await scanJson(makeWorkspace(files), ['.']);
    assert.deepEqual(
      run.report.files.map((f) => f.path),
      ['stack/base.yml', 'stack/prod.yml'],
    );
    assert.ok(
      run.report.findings.some((f) => f.ruleId === 'CPC001' && f.path === 'stack/prod.yml' && f.startLine === 3),
      JSON.stringify(run.report.findings.map((f) => `${f.ruleId}@${f.path}:${f.startLine}`)),
    );
    assert.equal(run.code, 1);
  });

  it('from a subfolder argument too, and not when the folder walked does not hold them', async () => {
    const workspace = makeWorkspace({ ...files, 'other/Dockerfile': GOOD });
    const sub = await scanJson(workspace, ['stack']);
    assert.deepEqual(
      sub.report.files.map((f) => f.path),
      ['stack/base.yml', 'stack/prod.yml'],
    );
    const other = await scanJson(workspace, ['other']);
    assert.deepEqual(
      other.report.files.map((f) => f.path),
      ['other/Dockerfile'],
    );
  });
});

describe('a folder scanned from outside it (`scan ../repo`)', () => {
  it('reads its compose files\' related files as a scan from inside does, and nothing outside it', async () => {
    const parent = makeWorkspace({
      'repo/compose.yaml': 'services:\n  web:\n    extends: {file: common/base.yml, service: base}\n    env_file: app.env\n',
      'repo/common/base.yml': 'services:\n  base:\n    image: nginx:1.27\n    privileged: true\n',
      'repo/app.env': 'API_TOKEN=hunter2\n',
      'repo/leaky/compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    env_file: ../../secret.env\n',
      'secret.env': 'STOLEN=1\n',
      'elsewhere/.keep': '',
    });
    const inside = await scanJson(join(parent, 'repo'), ['.']);
    const outside = await scanJson(join(parent, 'elsewhere'), ['../repo']);
    const findings = (run: JsonRun, prefix: string) => run.report.findings.map((f) => `${f.ruleId} ${f.path.slice(prefix.length)}:${f.startLine}`).sort();
    assert.ok(inside.report.findings.some((f) => f.ruleId === 'CPC030' && f.path === 'app.env'), 'the env_file is read from inside');
    assert.ok(inside.report.findings.some((f) => f.ruleId === 'CPC001' && f.path === 'common/base.yml'), 'the extends file is read from inside');
    assert.deepEqual(findings(outside, '../repo/'), findings(inside, ''));
    // The file that reaches past the scanned folder is refused either way: from inside before the read,
    // from outside by the scan's reader (the path stays inside the current directory's parent).
    assert.deepEqual(inside.report.errors.map((e) => [e.path, /resolves outside the workspace; it was not read/.test(e.message)]), [['leaky/compose.yaml', true]]);
    assert.deepEqual(outside.report.errors.map((e) => [e.path, /outside the paths given to scan; it was not read/.test(e.message)]), [['../repo/leaky/compose.yaml', true]]);
    assert.ok(!JSON.stringify(outside.report).includes('STOLEN'));
  });
});
