import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { sink, writeTree } from '../support/temp-tree.js';

interface Report {
  findings: { ruleId: string; path: string; startLine: number; message: string }[];
  errors: unknown[];
}

async function scan(files: Record<string, string>, ...args: string[]): Promise<Report> {
  const out = sink();
  await runCli(['scan', '.', '--format', 'json', ...args], writeTree(files), out, sink());
  return JSON.parse(out.text) as Report;
}

const COMPOSE = [
  'services:', //                      1
  '  a:', //                           2
  '    image: "alpine:${TAG}"', //     3
  '    pid: "host${X}"', //            4
  '    network_mode: "${NM}host"', //  5
  '    ipc: host$I', //                6
  '',
].join('\n');

/** The findings of the rules on host namespaces and image tags, as `rule@line`. */
const judged = (report: Report) => report.findings.filter((f) => ['CPC007', 'CPC008', 'CPC009', 'CPC028'].includes(f.ruleId)).map((f) => `${f.ruleId}@${f.path}:${f.startLine}`);

describe('container-policy scan: a compose variable nothing sets', () => {
  it('is blank, as docker compose runs it: the host namespaces it completes are denied at their lines, naming the variable', async () => {
    const report = await scan({ 'compose.yaml': COMPOSE });
    assert.deepEqual(report.errors, []);
    assert.deepEqual(judged(report).sort(), ['CPC007@compose.yaml:5', 'CPC008@compose.yaml:4', 'CPC009@compose.yaml:6']);
    const pid = report.findings.find((f) => f.ruleId === 'CPC008');
    assert.match(pid?.message ?? '', /pid: "host".*\(X is not set, and docker compose runs an unset variable as blank: set it in \.env or compose-variables, or give a default/);
  });

  it('an image tag from it is not judged as a missing tag', async () => {
    const report = await scan({ 'compose.yaml': COMPOSE });
    assert.ok(!judged(report).some((f) => f.startsWith('CPC028')), judged(report).join(', '));
  });

  it('set to something harmless in .env or compose-variables, nothing is denied', async () => {
    const harmless = 'TAG=3.19\nX=-ns\nNM=no-\nI=-no\n';
    assert.deepEqual(judged(await scan({ 'compose.yaml': COMPOSE, '.env': harmless })), []);
    const config = ['version: 1', 'compose-variables:', '  TAG: "3.19"', '  X: "-ns"', '  NM: "no-"', '  I: "-no"', ''].join('\n');
    assert.deepEqual(judged(await scan({ 'compose.yaml': COMPOSE, 'cfg.yml': config }, '--config', 'cfg.yml')), []);
  });

  it('a default is used as compose uses it: ${X:-host} is host, ${X:-private} is not', async () => {
    const withDefault = (value: string) => `services:\n  a:\n    image: alpine:3.19\n    pid: "\${X:-${value}}"\n`;
    const report = await scan({ 'compose.yaml': withDefault('host') });
    assert.deepEqual(judged(report), ['CPC008@compose.yaml:4']);
    assert.doesNotMatch(report.findings.find((f) => f.ruleId === 'CPC008')?.message ?? '', /not set/);
    assert.deepEqual(judged(await scan({ 'compose.yaml': withDefault('private') })), []);
  });
});

describe('container-policy scan: a compose variable set in .env or the configuration', () => {
  it('is named in the finding with the .env line that sets it, where the compose line shows only ${...}', async () => {
    const compose = ['services:', '  db:', '    image: "postgres:${PG_TAG}"', '    environment:', '      POSTGRES_PASSWORD: ${PGPASS}', ''].join('\n');
    const env = ['# the database', 'PGPASS=Sup3rS3cretPassw0rd!', 'PG_TAG=latest', ''].join('\n');
    const report = await scan({ 'deploy/compose.yaml': compose, 'deploy/.env': env });
    const at = (rule: string) => report.findings.find((f) => f.ruleId === rule);
    assert.equal(at('CPC030')?.startLine, 5);
    assert.match(at('CPC030')?.message ?? '', /POSTGRES_PASSWORD .*\(the value comes from PGPASS, set in deploy\/\.env line 2\)$/);
    assert.equal(at('CPC028')?.startLine, 3);
    assert.match(at('CPC028')?.message ?? '', /\(the value comes from PG_TAG, set in deploy\/\.env line 3\)$/);
  });

  it('a bare environment entry takes its value from .env as compose passes it, so a password committed there is found', async () => {
    const compose = ['services:', '  db:', '    image: postgres:16.2', '    environment:', '      - POSTGRES_PASSWORD', '      - POSTGRES_DB', ''].join('\n');
    const report = await scan({ 'compose.yaml': compose, '.env': 'POSTGRES_PASSWORD=Sup3rS3cretPassw0rd!\n' });
    const secrets = report.findings.filter((f) => f.ruleId === 'CPC030');
    assert.deepEqual(secrets.map((f) => f.startLine), [5]);
    assert.match(secrets[0]?.message ?? '', /POSTGRES_PASSWORD .*\(the value comes from POSTGRES_PASSWORD, set in \.env line 1\)$/);
    assert.deepEqual((await scan({ 'compose.yaml': compose })).findings.filter((f) => f.ruleId === 'CPC030'), [], 'nothing sets it: compose passes nothing');
  });

  it('a bare build arg takes its value from .env, so a token committed there and passed to the build is found (CPC041)', async () => {
    const compose = ['services:', '  web:', '    image: web:1.0', '    build:', '      context: .', '      args:', '        - NPM_TOKEN', ''].join('\n');
    const report = await scan({ 'compose.yaml': compose, '.env': 'NPM_TOKEN=npm_abcdefghijklmnopqrstuvwxyz0123456789\n' });
    const secrets = report.findings.filter((f) => f.ruleId === 'CPC041');
    assert.deepEqual(secrets.map((f) => f.startLine), [7]);
    assert.match(secrets[0]?.message ?? '', /\(the value comes from NPM_TOKEN, set in \.env line 1\)$/);
  });

  it('set by compose-variables, the finding says so; a value written out gets no note', async () => {
    const compose = ['services:', '  a:', '    image: "alpine:${TAG}"', '  b:', '    image: alpine:latest', ''].join('\n');
    const report = await scan({ 'compose.yaml': compose, 'cfg.yml': 'version: 1\ncompose-variables:\n  TAG: latest\n' }, '--config', 'cfg.yml');
    const tags = report.findings.filter((f) => f.ruleId === 'CPC028').map((f) => `${f.startLine} ${f.message}`);
    assert.equal(tags.length, 2, tags.join('\n'));
    assert.match(tags.find((t) => t.startsWith('3 ')) ?? '', /\(the value comes from TAG, set in compose-variables\)$/);
    assert.doesNotMatch(tags.find((t) => t.startsWith('5 ')) ?? '', /comes from/);
  });
});
