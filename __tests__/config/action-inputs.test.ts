import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readActionSettings } from '../../src/config/action-inputs.js';
import { DEFAULT_PATTERNS } from '../../src/discover/file-patterns.js';
import { UserError } from '../../src/errors.js';

function env(payload: unknown, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'cpa-env-'));
  writeFileSync(join(dir, 'event.json'), JSON.stringify(payload));
  return {
    GITHUB_WORKSPACE: dir,
    GITHUB_REPOSITORY: 'octo-org/shop',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_SHA: 'abc',
    ...extra,
  };
}

const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('readActionSettings', () => {
  it('reads defaults and the pull request from the event payload', () => {
    const s = readActionSettings(inputs({ 'github-token': 't' }), env({ pull_request: { number: 5, changed_files: 2, head: { sha: 'def' } } }));
    assert.equal(s.failOn, 'deny');
    assert.equal(s.scan, 'changed');
    assert.deepEqual(s.patterns, DEFAULT_PATTERNS);
    assert.equal(s.maxFileBytes, 2 * 1024 * 1024);
    assert.deepEqual(s.pullRequest, { number: 5, changedFiles: 2, headSha: 'def' });
    assert.equal(s.owner, 'octo-org');
    assert.equal(s.repo, 'shop');
    assert.equal(s.apiUrl, 'http://127.0.0.1:9');
    assert.equal(s.repositoryUrl, 'https://github.com/octo-org/shop');
    assert.equal(s.jsonReportPath, undefined);
  });

  it('reads the pull request of a review event, and refuses one without a number', () => {
    const review = env({ action: 'submitted', review: { state: 'approved' }, pull_request: { number: 9, base: { sha: 'b1' }, head: { sha: 'e1' }, merge_commit_sha: 'm1' } }, { GITHUB_EVENT_NAME: 'pull_request_review' });
    assert.deepEqual(readActionSettings(inputs({}), review).pullRequest, { number: 9, baseSha: 'b1', headSha: 'e1', mergeCommitSha: 'm1' });
    const nameless = env({ pull_request: { base: { sha: 'b1' } } }, { GITHUB_EVENT_NAME: 'pull_request_review_comment' });
    assert.throws(() => readActionSettings(inputs({}), nameless), (e: unknown) => e instanceof UserError && /pull_request_review_comment.*without a number/.test(e.message));
  });

  it('reads lists, choices and sizes', () => {
    const s = readActionSettings(
      inputs({ 'dockerfile-patterns': 'docker/**/Dockerfile\n*.df', 'compose-patterns': 'stack.yml, stack.*.yml', 'fail-on': 'warn', scan: 'all', 'max-file-size': '512k', 'json-report': 'out/r.json' }),
      env({}),
    );
    assert.deepEqual(s.patterns.dockerfile, ['docker/**/Dockerfile', '*.df']);
    assert.deepEqual(s.patterns.compose, ['stack.yml', 'stack.*.yml']);
    assert.equal(s.failOn, 'warn');
    assert.equal(s.scan, 'all');
    assert.equal(s.maxFileBytes, 512 * 1024);
    assert.equal(s.jsonReportPath, join(s.workspace, 'out/r.json'));
  });

  it('refuses a bad value naming the input, the value and the valid ones', () => {
    assert.throws(() => readActionSettings(inputs({ 'fail-on': 'error' }), env({})), (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.match(e.message, /fail-on/);
      assert.match(e.message, /"error"/);
      assert.match(e.message, /deny, warn, never/);
      return true;
    });
    assert.throws(() => readActionSettings(inputs({ 'max-file-size': 'lots' }), env({})), /max-file-size/);
    assert.throws(() => readActionSettings(inputs({ scan: 'some' }), env({})), /Valid values: changed, all/);
  });

  it('names the event file when it cannot be read', () => {
    assert.throws(() => readActionSettings(inputs({}), env({}, { GITHUB_EVENT_PATH: '/nonexistent/event.json' })), /GITHUB_EVENT_PATH/);
  });
});

describe('readActionSettings report inputs', () => {
  it('resolves the sarif path in the workspace and reads a list of frameworks', () => {
    const e = env({});
    const s = readActionSettings(inputs({ sarif: 'out/cp.sarif', frameworks: 'cis-docker,\nsoc2, cis-docker' }), e);
    assert.equal(s.sarifPath, join(e.GITHUB_WORKSPACE as string, 'out/cp.sarif'));
    assert.deepEqual(s.frameworks, ['cis-docker', 'soc2']);
    const none = readActionSettings(inputs({}), env({}));
    assert.equal(none.sarifPath, undefined);
    assert.equal(none.frameworks, undefined);
  });

  it('refuses an unknown framework, naming the valid ones', () => {
    assert.throws(
      () => readActionSettings(inputs({ frameworks: 'cis-docker, iso27001' }), env({})),
      (e: unknown) => e instanceof UserError && /Invalid frameworks: "iso27001"\. Valid values: cis-docker, nist-800-190, owasp-docker, pci-dss, soc2\./.test(e.message),
    );
  });
});
