/**
 * The compiled compose rules (dist/policy) on values written the way compose reads them but not the
 * way a rule might expect: YAML 1.1 booleans, host paths with `.`/`..`, repeated security options,
 * ports without a host port, `$$` escapes. Each case is a false negative the loader and rules must not
 * have. Run `npm run policy:build` first; skipped when the bundle is missing.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readPolicyBundle } from '../../src/evaluate/policy-bundle-fs.js';
import { loadPolicyEngine, type PolicyEngine } from '../../src/evaluate/policy-engine.js';
import { toFindings } from '../../src/evaluate/to-findings.js';
import { loadComposeFile } from '../../src/parse/compose/load-project.js';

const BUNDLE = 'dist/policy';
const enc = (text: string) => new TextEncoder().encode(text);
let engine: PolicyEngine;

/** `rule file:line` of every finding of the given rules for `compose.yaml` in an in-memory workspace. */
async function scan(rules: readonly string[], files: Record<string, string>, main = 'compose.yaml'): Promise<string[]> {
  const readFile = async (path: string) => {
    if (!(path in files)) throw new Error(`${path} does not exist in the workspace`);
    return enc(files[path] as string);
  };
  const parsed = await loadComposeFile(main, enc(files[main] as string), { readFile });
  const { findings, errors } = toFindings(engine.evaluate(parsed.document), parsed, engine.catalogue);
  assert.deepEqual(errors, []);
  return findings.filter((f) => rules.includes(f.ruleId)).map((f) => `${f.ruleId} ${f.path}:${f.startLine}`).sort();
}

describe('compose values read as compose reads them', { skip: !existsSync(`${BUNDLE}/policy.wasm`) && 'run npm run policy:build first' }, () => {
  before(async () => {
    engine = await loadPolicyEngine(await readPolicyBundle(BUNDLE));
  });

  it('YAML 1.1 booleans: privileged: yes, healthcheck disable: yes and read_only: on are what compose makes of them', async () => {
    const found = await scan(['CPC001', 'CPC018', 'CPC019'], {
      'compose.yaml': [
        'services:',
        '  a:',
        '    image: nginx:1.27',
        '    privileged: yes',
        '    read_only: on',
        '    healthcheck: {test: ["CMD", "/ok"], disable: yes}',
        '  b:',
        '    image: nginx:1.27',
        '    privileged: "Y"',
        '    read_only: "off"',
        '    healthcheck: {test: ["CMD", "/ok"]}',
        '',
      ].join('\n'),
    });
    assert.deepEqual(found, ['CPC001 compose.yaml:4', 'CPC001 compose.yaml:9', 'CPC018 compose.yaml:6', 'CPC019 compose.yaml:10']);
  });

  it('credentials in command, entrypoint, healthcheck and labels are found at the line that writes them, and never in a variable nothing sets', async () => {
    const token = `ghp_${'a1'.repeat(18)}`;
    const found = await scan(['CPC045'], {
      'compose.yaml': [
        'services:',
        '  a:',
        '    image: nginx:1.27',
        '    command: app --db "postgres://app:s3cret@db/app"',
        '    entrypoint:',
        '      - /bin/sync',
        `      - ${token}`,
        '    healthcheck:',
        '      test: ["CMD", "mysqladmin", "ping", "--password=hunter2"]',
        '    labels:',
        '      - backup=s3://AKIAEXAMPLE:secret@s3.example.org/b',
        '  b:',
        '    image: nginx:1.27',
        '    command: app --password ${PW} serve',
        '    labels: {target: "postgres://app:$${PW}@db/app"}',
        '',
      ].join('\n'),
    });
    assert.deepEqual(found, ['CPC045 compose.yaml:11', 'CPC045 compose.yaml:4', 'CPC045 compose.yaml:7', 'CPC045 compose.yaml:9']);
  });

  it('host paths are judged cleaned: /., /tmp/.., ../ past the repository root, /srv/../var/run', async () => {
    const found = await scan(['CPC002', 'CPC005'], {
      'app/compose.yaml': [
        'services:',
        '  a:',
        '    image: nginx:1.27',
        '    volumes:',
        '      - /.:/h1',
        '      - /tmp/..:/h2',
        '      - /./etc/:/h3',
        '      - ../../../../../../../../../../..:/h4',
        '      - ../../var/run/docker.sock:/s1',
        '      - type: bind',
        '        source: /srv/../var/run',
        '        target: /s2',
        '      - ./data:/data',
        '      - ../shared:/shared',
        '',
      ].join('\n'),
    }, 'app/compose.yaml');
    assert.deepEqual(found, [
      'CPC002 app/compose.yaml:10',
      'CPC002 app/compose.yaml:9',
      // The socket and the directory that holds it are CPC002's alone.
      'CPC005 app/compose.yaml:5',
      'CPC005 app/compose.yaml:6',
      'CPC005 app/compose.yaml:7',
      'CPC005 app/compose.yaml:8',
    ]);
  });

  it('an image named for a build is not judged as pulled with pull_policy: build, written or from .env; it is with no policy', async () => {
    const service = (policy: string) => `services:\n  web:\n    image: myapp\n    build: .\n${policy}`;
    assert.deepEqual(await scan(['CPC028'], { 'compose.yaml': service('    pull_policy: build\n') }), []);
    assert.deepEqual(await scan(['CPC028'], { 'compose.yaml': service('    pull_policy: ${PULL}\n'), '.env': 'PULL=build\n' }), []);
    assert.deepEqual(await scan(['CPC028'], { 'compose.yaml': service('') }), ['CPC028 compose.yaml:3']);
    assert.deepEqual(await scan(['CPC028'], { 'compose.yaml': service('    pull_policy: missing\n') }), ['CPC028 compose.yaml:3']);
  });

  it('no-new-privileges: the last entry decides, in one file and across an override file', async () => {
    const service = (opts: string) => `services:\n  web:\n    image: nginx:1.27\n    security_opt: ${opts}\n`;
    assert.deepEqual(await scan(['CPC020'], { 'compose.yaml': service('[no-new-privileges:true, no-new-privileges:false]') }), ['CPC020 compose.yaml:4']);
    assert.deepEqual(await scan(['CPC020'], { 'compose.yaml': service('[no-new-privileges:false, no-new-privileges=1]') }), []);
    const withOverride = (base: string, over: string) => ({
      'compose.yaml': service(base),
      'compose.override.yaml': `services:\n  web:\n    security_opt: ${over}\n`,
    });
    assert.deepEqual(await scan(['CPC020'], withOverride('[no-new-privileges:true]', '[no-new-privileges:false]')), ['CPC020 compose.override.yaml:3']);
    // compose appends only entries not already there, so repeating `true` leaves `false` last.
    assert.deepEqual(await scan(['CPC020'], withOverride('[no-new-privileges:true, no-new-privileges:false]', '[no-new-privileges:true]')), ['CPC020 compose.yaml:4']);
  });

  it('a port without a host port is published on a port Docker chooses, on every interface', async () => {
    const found = await scan(['CPC013', 'CPC034'], {
      'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432"\n      - target: 6379\n  local:\n    image: redis:7\n    ports: ["127.0.0.1::6379"]\n',
    });
    assert.deepEqual(found, ['CPC013 compose.yaml:4', 'CPC034 compose.yaml:4', 'CPC034 compose.yaml:9']);
  });

  it('a secret written with a $$ escape is a literal; only a variable nothing sets is unknown', async () => {
    const found = await scan(['CPC030'], {
      'compose.yaml': [
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    env_file: app.env',
        '    environment:',
        '      DB_PASSWORD: "Sup3r$$ecretPassw0rd"',
        '      API_TOKEN: ${API_TOKEN}',
        '',
      ].join('\n'),
      'app.env': "SMTP_PASSWORD=pa$$word\nQUEUE_SECRET=${QUEUE_SECRET}\nCACHE_PASSWORD='${NOT_A_VARIABLE}'\n",
    });
    assert.deepEqual(found, ['CPC030 app.env:1', 'CPC030 app.env:3', 'CPC030 compose.yaml:6']);
  });
});
