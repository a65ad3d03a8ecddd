/**
 * The compiled compose rules (dist/policy) on input documents the real loader builds: merge keys,
 * `extends` from another file, override files, interpolation from `.env`, `env_file` contents and named
 * volumes over host directories. Rego tests beside each rule use hand-built inputs; these prove the
 * rules agree with what the loader produces and that each finding lands on the file and line that set
 * the value. Run `npm run policy:build` first; skipped when the bundle is missing.
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

/** Loads `compose.yaml` of an in-memory workspace as the pipeline does and returns `rule file:line` per finding. */
async function scan(files: Record<string, string>, variables: Record<string, string> = {}): Promise<string[]> {
  const readFile = async (path: string) => {
    if (!(path in files)) throw new Error(`${path} does not exist in the workspace`);
    return enc(files[path] as string);
  };
  const parsed = await loadComposeFile('compose.yaml', enc(files['compose.yaml'] as string), { readFile, variables });
  const { findings, errors } = toFindings(engine.evaluate(parsed.document), parsed, engine.catalogue);
  assert.deepEqual(errors, []);
  return findings.map((f) => `${f.ruleId} ${f.path}:${f.startLine}`).sort();
}

/** A service that passes every deny rule, so each case shows only what it sets up. */
const HARDENED = [
  '    user: "1000"',
  '    read_only: true',
  '    cap_drop: [ALL]',
  '    security_opt: ["no-new-privileges:true"]',
  '    healthcheck: {test: ["CMD", "/ok"]}',
  '    restart: on-failure:5',
  '    pids_limit: 100',
  '    deploy: {resources: {limits: {cpus: "0.5", memory: 256m}}}',
  '    logging: {driver: json-file, options: {max-size: 10m}}',
].join('\n');

describe('compose rules on loader output', { skip: !existsSync(`${BUNDLE}/policy.wasm`) && 'run npm run policy:build first' }, () => {
  before(async () => {
    engine = await loadPolicyEngine(await readPolicyBundle(BUNDLE));
  });

  it('a hardened service has no deny finding (the baseline of the cases below)', async () => {
    const found = await scan({ 'compose.yaml': `services:\n  web:\n    image: nginx:1.27\n${HARDENED}\n` });
    assert.deepEqual(found, []);
  });

  it('a value from a merge key is reported at the anchor that wrote it', async () => {
    const found = await scan({
      'compose.yaml': ['x-risky: &risky', '  privileged: true', '  pid: host', 'services:', '  web:', '    <<: *risky', '    image: nginx:1.27', HARDENED, ''].join('\n'),
    });
    assert.deepEqual(found, ['CPC001 compose.yaml:2', 'CPC008 compose.yaml:3']);
  });

  it('a value inherited through extends is reported in the base file, with relative binds rebased', async () => {
    const found = await scan({
      'compose.yaml': `services:\n  web:\n    extends: {file: common/base.yaml, service: base}\n    image: nginx:1.27\n${HARDENED}\n`,
      'common/base.yaml': 'services:\n  base:\n    network_mode: host\n    volumes: ["../../etc:/host-etc", "/etc/ssl:/ssl:ro"]\n',
    });
    // `../../etc` from common/ climbs above the repository: where the checkout sits is unknown, so it is judged as /etc.
    assert.deepEqual(found, ['CPC005 common/base.yaml:4', 'CPC005 common/base.yaml:4', 'CPC007 common/base.yaml:3']);
  });

  it('a setting from the override file is reported in the override file', async () => {
    const found = await scan({
      'compose.yaml': `services:\n  web:\n    image: nginx:1.27\n${HARDENED}\n`,
      'compose.override.yaml': 'services:\n  web:\n    ports: ["8080:80"]\n    security_opt: !override ["seccomp:unconfined"]\n',
    });
    assert.deepEqual(found, [
      'CPC013 compose.override.yaml:3',
      'CPC020 compose.override.yaml:4',
      'CPC021 compose.override.yaml:4',
      'CPC034 compose.override.yaml:3',
    ]);
  });

  it('interpolated values are judged; unresolved ones are unknown, not bad', async () => {
    const files = { 'compose.yaml': `services:\n  web:\n    image: nginx:\${TAG}\n    ports: ["\${BIND:-127.0.0.1}:\${PORT}:80"]\n${HARDENED}\n` };
    // CPC034 (advisory) notes that a port is published at all, whatever its number.
    assert.deepEqual(await scan({ ...files, '.env': 'TAG=latest\n' }), ['CPC028 compose.yaml:3', 'CPC034 compose.yaml:4']);
    assert.deepEqual(await scan(files, { TAG: '1.27', BIND: '0.0.0.0', PORT: '80' }), ['CPC012 compose.yaml:4', 'CPC013 compose.yaml:4', 'CPC034 compose.yaml:4']);
    // Unset TAG and PORT: neither `latest` nor a privileged port is assumed.
    assert.deepEqual(await scan(files), ['CPC034 compose.yaml:4']);
  });

  it('a secret read from an env_file is reported at its line in that file', async () => {
    const found = await scan({
      'compose.yaml': `services:\n  web:\n    image: nginx:1.27\n    env_file: app.env\n${HARDENED}\n`,
      'app.env': '# settings\nLOG_LEVEL=info\nDB_PASSWORD=hunter2\n',
    });
    assert.deepEqual(found, ['CPC030 app.env:3']);
  });

  it('a named volume binding a sensitive host directory is reported at the mount', async () => {
    const found = await scan({
      'compose.yaml': `services:\n  web:\n    image: nginx:1.27\n    volumes: ["conf:/conf"]\n${HARDENED}\nvolumes:\n  conf:\n    driver_opts: {type: none, o: bind, device: /etc}\n`,
    });
    assert.deepEqual(found, ['CPC005 compose.yaml:4']);
  });

  it('restart and deploy.restart_policy are each judged', async () => {
    const found = await scan({
      'compose.yaml': `services:\n  web:\n    image: nginx:1.27\n${HARDENED.replace('restart: on-failure:5', 'restart: on-failure')}\n    deploy:\n      restart_policy: {condition: on-failure, max_attempts: 10}\n`.replace(
        '    deploy: {resources: {limits: {cpus: "0.5", memory: 256m}}}\n',
        '    cpus: 0.5\n    mem_limit: 256m\n',
      ),
    });
    assert.deepEqual(found, ['CPC017 compose.yaml:15', 'CPC017 compose.yaml:9']);
  });
});
