/**
 * The configuration file's `policy-data` reaches the built-in rules: for every settings key a rule
 * reads, a `container-policy scan --config` run shows the configured value changing a rule's outcome.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { MAPPED_SETTINGS_KEYS, POLICY_DATA_KEYS, toSingleSecretPattern } from '../../src/config/config-file-policy-data.js';
import { REPO_ROOT } from '../support/run-action.js';
import { sink } from '../support/temp-tree.js';

const DIGEST = 'sha256:b877e50bd90de10af8d82c57a022fc2e0dc731c5320d762a27986facfc3355c1';
const catalogue = JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'policy', 'catalogue.json'), 'utf8')) as Record<string, Record<string, { id: string }>>;

/** A rule's id by its file name, so the tests follow the catalogue if ids are renumbered. */
function idOf(kind: 'dockerfile' | 'compose', name: string): string {
  const id = catalogue[kind]?.[name]?.id;
  assert.ok(id, `the catalogue has ${kind}/${name}`);
  return id;
}

/** Scans `files` with and without `config`; returns each run's findings as `RULE@path:line`. */
async function scanBoth(files: Record<string, string>, config: string): Promise<{ without: string[]; with: string[] }> {
  const root = mkdtempSync(join(tmpdir(), 'cpa-data-'));
  for (const [path, content] of Object.entries({ ...files, 'policy.yml': config })) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  const run = async (extra: string[]) => {
    const out = sink();
    const err = sink();
    const code = await runCli(['scan', ...Object.keys(files), '--format', 'json', ...extra], root, out, err);
    assert.notEqual(code, 2, err.text);
    const report = JSON.parse(out.text) as { findings: { ruleId: string; path: string; startLine: number }[]; errors: unknown[] };
    assert.deepEqual(report.errors, []);
    return report.findings.map((f) => `${f.ruleId}@${f.path}:${f.startLine}`);
  };
  return { without: await run([]), with: await run(['--config', 'policy.yml']) };
}

/** Asserts `finding` is absent without the configuration and present with it (or the reverse). */
function assertChanges(runs: { without: string[]; with: string[] }, finding: string, direction: 'adds' | 'removes'): void {
  const [before, after] = direction === 'adds' ? [runs.without, runs.with] : [runs.with, runs.without];
  assert.ok(!before.includes(finding), `${finding} not expected in ${before.join(', ')}`);
  assert.ok(after.includes(finding), `${finding} expected in ${after.join(', ')}`);
}

const compose = (service: string) => `services:\n  app:\n    image: ghcr.io/acme/app:1.2.0\n${service}`;

describe('policy-data reaches every settings key the rules read', () => {
  it('maps a user key to every settings key in policies/lib/settings.rego, and to nothing else', () => {
    const rego = readFileSync(join(REPO_ROOT, 'policies', 'lib', 'settings.rego'), 'utf8');
    const defaults = [...rego.matchAll(/^\t"([a-z]+\.[a-z_]+)":/gm)].map((m) => m[1]).sort();
    assert.ok(defaults.length >= 9, `found ${defaults.length} defaults`);
    assert.deepEqual([...new Set(MAPPED_SETTINGS_KEYS)].sort(), defaults);
    const docs = readFileSync(join(REPO_ROOT, 'docs', 'configuration.md'), 'utf8');
    for (const key of Object.keys(POLICY_DATA_KEYS)) assert.ok(docs.includes(`\`policy-data.${key}\``), `${key} is documented`);
    for (const key of defaults) assert.ok(docs.includes(`\`${key}\``), `${key} is documented`);
  });

  it('approved-registries: the Dockerfile trusted registries and the compose allowed registries', async () => {
    const runs = await scanBoth(
      { Dockerfile: `FROM ghcr.io/acme/base:1.0@${DIGEST}\nUSER 10001\n`, 'compose.yaml': compose('') },
      'policy-data:\n  approved-registries: [registry.acme.example]\n',
    );
    assertChanges(runs, `${idOf('dockerfile', 'trusted_registry')}@Dockerfile:1`, 'adds');
    assertChanges(runs, `${idOf('compose', 'registry_allowed')}@compose.yaml:3`, 'adds');
  });

  it('approved-base-images: only the listed images may be a FROM', async () => {
    const runs = await scanBoth(
      { Dockerfile: `FROM python:3.14.6-slim@${DIGEST} AS build\nFROM alpine:3.20@${DIGEST}\nUSER 10001\n` },
      'policy-data:\n  approved-base-images: [docker.io/library/alpine]\n',
    );
    assertChanges(runs, `${idOf('dockerfile', 'approved_base_image')}@Dockerfile:1`, 'adds');
    assert.ok(!runs.with.includes(`${idOf('dockerfile', 'approved_base_image')}@Dockerfile:2`), 'the approved image passes');
  });

  it('pinning-exempt-packages: an exempt package need not be pinned', async () => {
    const runs = await scanBoth(
      { Dockerfile: `FROM alpine:3.20@${DIGEST}\nRUN apk add --no-cache curl\nUSER 10001\n` },
      'policy-data:\n  pinning-exempt-packages: [curl]\n',
    );
    assertChanges(runs, `${idOf('dockerfile', 'apk_pin')}@Dockerfile:2`, 'removes');
  });

  it('secret-patterns: names of Dockerfile and compose variables that hold secrets (the list replaces the default)', async () => {
    const runs = await scanBoth(
      {
        Dockerfile: `FROM alpine:3.20@${DIGEST}\nENV ACME_WIDGET=s3cr3t-value\nUSER 10001\n`,
        'compose.yaml': compose('    environment:\n      ACME_WIDGET: s3cr3t-value\n      DB_PASSWORD: hunter2\n'),
      },
      'policy-data:\n  secret-patterns: ["widget"]\n',
    );
    assertChanges(runs, `${idOf('dockerfile', 'secret_in_env_arg')}@Dockerfile:2`, 'adds');
    assertChanges(runs, `${idOf('compose', 'env_secret')}@compose.yaml:5`, 'adds');
    // PASSWORD is in the default list only: the configured list replaces it.
    assertChanges(runs, `${idOf('compose', 'env_secret')}@compose.yaml:6`, 'removes');
  });

  it('secret-value-patterns: values that are credentials whatever their name', async () => {
    const runs = await scanBoth(
      {
        Dockerfile:
          `FROM alpine:3.20@${DIGEST}\nENV GREETING=acme_0123456789abcdef0123456789abcdef\nUSER 10001\n` +
          'RUN curl -H "X-Key: acme_0123456789abcdef0123456789abcdef" https://api.example/x\n' +
          'CMD ["app", "--key", "acme_0123456789abcdef0123456789abcdef"]\n',
        'compose.yaml': compose('    environment:\n      GREETING: acme_0123456789abcdef0123456789abcdef\n'),
      },
      'policy-data:\n  secret-value-patterns: ["acme_[0-9a-f]{32}"]\n',
    );
    assertChanges(runs, `${idOf('dockerfile', 'secret_in_env_arg')}@Dockerfile:2`, 'adds');
    assertChanges(runs, `${idOf('dockerfile', 'secret_in_run')}@Dockerfile:4`, 'adds');
    assertChanges(runs, `${idOf('dockerfile', 'secret_in_instruction')}@Dockerfile:5`, 'adds');
    assertChanges(runs, `${idOf('compose', 'env_secret')}@compose.yaml:5`, 'adds');
  });

  it('system-directories: a WORKDIR that must not be used', async () => {
    const runs = await scanBoth(
      { Dockerfile: `FROM alpine:3.20@${DIGEST}\nWORKDIR /opt/vendor\nUSER 10001\n` },
      'policy-data:\n  system-directories: [/opt/vendor]\n',
    );
    assertChanges(runs, `${idOf('dockerfile', 'workdir_system_directory')}@Dockerfile:2`, 'adds');
  });

  it('sensitive-host-paths: host directories a bind mount must not reach', async () => {
    const runs = await scanBoth({ 'compose.yaml': compose('    volumes:\n      - /srv/secrets/db:/data:ro\n') }, 'policy-data:\n  sensitive-host-paths: [/srv/secrets]\n');
    assertChanges(runs, `${idOf('compose', 'sensitive_mount')}@compose.yaml:5`, 'adds');
  });

  it('max-restart-retries: the most on-failure retries allowed', async () => {
    const runs = await scanBoth({ 'compose.yaml': compose('    restart: on-failure:4\n') }, 'policy-data:\n  max-restart-retries: 3\n');
    assertChanges(runs, `${idOf('compose', 'restart_retries')}@compose.yaml:4`, 'adds');
  });

  it('refuses a value of the wrong type, naming the key and line', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cpa-data-'));
    writeFileSync(join(root, 'Dockerfile'), 'FROM alpine:3.20\n');
    writeFileSync(join(root, 'policy.yml'), 'policy-data:\n  max-restart-retries: three\n  sensitive-host-paths: [srv]\n');
    const err = sink();
    assert.equal(await runCli(['scan', 'Dockerfile', '--config', 'policy.yml'], root, sink(), err), 2);
    assert.match(err.text, /line 2: policy-data\.max-restart-retries: "three" is not allowed; expected integer/);
    assert.match(err.text, /line 3: policy-data\.sensitive-host-paths\[0\]: "srv" is not allowed/);
  });
});

describe('toSingleSecretPattern', () => {
  it('joins patterns into one case-insensitive alternation, and matches nothing for none', () => {
    const one = new RegExp(toSingleSecretPattern(['tok(en)?$', 'pass']).replace(/^\(\?i\)/, ''), 'i');
    assert.ok(one.test('API_TOKEN') && one.test('PASSWORD') && !one.test('USERNAME'));
    const none = new RegExp(toSingleSecretPattern([]));
    assert.ok(!none.test('PASSWORD') && !none.test(''));
  });
});
