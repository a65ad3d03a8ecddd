import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { sink, writeTree } from '../support/temp-tree.js';

interface Report {
  findings: { ruleId: string; path: string; startLine: number; message: string }[];
  errors: unknown[];
}

async function scan(files: Record<string, string>): Promise<{ code: number; report: Report }> {
  const out = sink();
  const code = await runCli(['scan', '.', '--format', 'json'], writeTree(files), out, sink());
  return { code, report: JSON.parse(out.text) as Report };
}

const COMPOSE = [
  'services:', //                                       1
  '  web:', //                                          2
  '    image: alpine:3.20', //                          3
  '    cgroup: host', //                                4
  '    security_opt: ["systempaths=unconfined"]', //    5
  '    cap_add: [NET_BIND_SERVICE, cap_sys_admin]', //  6
  '    environment:', //                                7
  '      NODE_TLS_REJECT_UNAUTHORIZED: "0"', //         8
  '      GIT_SSL_NO_VERIFY: ""', //                     9
  '    build:', //                                      10
  '      context: .', //                                11
  '      args:', //                                     12
  '        - NPM_TOKEN=abc123', //                      13
  '        - VERSION=1.2', //                           14
  '    device_cgroup_rules: ["a *:* rwm", "c 189:* rwm"]', // 15
  '',
].join('\n');

const NEW_RULES = ['CPC037', 'CPC038', 'CPC039', 'CPC040', 'CPC041', 'CPC042'];

describe('container-policy scan: compose settings that reach past the container, which passed before', () => {
  it('denies the host cgroup namespace, unmasked system paths, escape capabilities, TLS off, secrets in build args and every-device cgroup rules, each at its line', async () => {
    const { code, report } = await scan({ 'compose.yaml': COMPOSE, Dockerfile: 'FROM alpine:3.20\nUSER 1000\n' });
    assert.deepEqual(report.errors, []);
    const found = report.findings.filter((f) => NEW_RULES.includes(f.ruleId)).map((f) => `${f.ruleId}@${f.startLine}`);
    assert.deepEqual(found.sort(), ['CPC037@4', 'CPC038@5', 'CPC039@6', 'CPC040@8', 'CPC040@9', 'CPC041@13', 'CPC042@15']);
    assert.equal(code, 1);
  });

  it('leaves a service without them alone', async () => {
    const clean = 'services:\n  web:\n    image: alpine:3.20\n    cgroup: private\n    cap_add: [NET_BIND_SERVICE]\n    environment:\n      NODE_TLS_REJECT_UNAUTHORIZED: "1"\n    build:\n      args: {VERSION: "1.2", NPM_TOKEN: }\n    device_cgroup_rules: ["c 189:* rwm"]\n';
    const { report } = await scan({ 'compose.yaml': clean, Dockerfile: 'FROM alpine:3.20\nUSER 1000\n' });
    assert.deepEqual(report.findings.filter((f) => NEW_RULES.includes(f.ruleId)), []);
  });

  it('denies a privileged build and the security.insecure entitlement at their lines, reading compose\'s booleans; other entitlements pass', async () => {
    const compose = [
      'services:', //                      1
      '  a:', //                           2
      '    build:', //                     3
      '      context: .', //               4
      '      privileged: "yes"', //        5
      '  b:', //                           6
      '    build:', //                     7
      '      context: .', //               8
      '      entitlements:', //            9
      '        - network.host', //         10
      '        - security.insecure', //    11
      '  c:', //                           12
      '    build:', //                     13
      '      context: .', //               14
      '      privileged: false', //        15
      '',
    ].join('\n');
    const { code, report } = await scan({ 'compose.yaml': compose, Dockerfile: 'FROM alpine:3.20\nUSER 1000\n' });
    assert.deepEqual(report.errors, []);
    assert.deepEqual(report.findings.filter((f) => f.ruleId === 'CPC043').map((f) => f.startLine).sort((x, y) => x - y), [5, 11]);
    assert.equal(code, 1);
  });

  it('warns on an image built on the host network: build.network host or the network.host entitlement (CPC044), at its line', async () => {
    const compose = [
      'services:', //                      1
      '  a:', //                           2
      '    build:', //                     3
      '      context: .', //               4
      '      network: host', //            5
      '  b:', //                           6
      '    build:', //                     7
      '      context: .', //               8
      '      entitlements:', //            9
      '        - network.host', //         10
      '        - security.insecure', //    11
      '  c:', //                           12
      '    build:', //                     13
      '      context: .', //               14
      '      network: ${BUILD_NET:-none}', // 15
      '  d:', //                           16
      '    build:', //                     17
      '      context: .', //               18
      '      network: ${BUILD_NET}', //    19
      '',
    ].join('\n');
    const { report } = await scan({ 'compose.yaml': compose, Dockerfile: 'FROM alpine:3.20\nUSER 1000\nRUN --network=host apk add --no-cache curl=8.9.1-r0\n' });
    assert.deepEqual(report.errors, []);
    assert.deepEqual(report.findings.filter((f) => f.ruleId === 'CPC044').map((f) => f.startLine).sort((x, y) => x - y), [5, 10], 'a default of none and an unset variable (blank to compose) build on the default network');
    assert.deepEqual(report.findings.filter((f) => f.ruleId === 'CPD072').map((f) => `${f.path}:${f.startLine}`), ['Dockerfile:3']);
    const refused = await scan({ 'compose.yaml': 'services:\n  a:\n    build:\n      context: .\n      network: [host]\n', Dockerfile: 'FROM alpine:3.20\nUSER 1000\n' });
    assert.match(JSON.stringify(refused.report.errors), /compose\.yaml:5: service \\"a\\": `build\.network` must be a network name/);
    assert.equal(refused.code, 1);
  });

  it('refuses build.entitlements written as something other than a list, naming the file and line', async () => {
    const { code, report } = await scan({ 'compose.yaml': 'services:\n  a:\n    build:\n      context: .\n      entitlements: security.insecure\n', Dockerfile: 'FROM alpine:3.20\nUSER 1000\n' });
    assert.equal(code, 1);
    assert.match(JSON.stringify(report.errors), /build\.entitlements. must be a list/);
  });

  it('refuses a build.privileged compose would refuse, and leaves one an unset variable decides unknown', async () => {
    const refused = await scan({ 'compose.yaml': 'services:\n  a:\n    build:\n      context: .\n      privileged: "maybe"\n', Dockerfile: 'FROM alpine:3.20\nUSER 1000\n' });
    assert.equal(refused.code, 1);
    assert.match(JSON.stringify(refused.report.errors), /compose\.yaml:5: service \\"a\\": `build\.privileged` is \\"maybe\\", which docker compose refuses as a boolean/);
    const unknown = await scan({ 'compose.yaml': 'services:\n  a:\n    build:\n      context: .\n      privileged: ${PRIV}\n', Dockerfile: 'FROM alpine:3.20\nUSER 1000\n' });
    assert.deepEqual(unknown.report.errors, []);
    assert.deepEqual(unknown.report.findings.filter((f) => f.ruleId === 'CPC043'), []);
  });

  it('is refused by the built-in daemon policy too: a device cgroup rule for every device (CPA019) at its line, as CPC042', async () => {
    const compose = 'services:\n  web:\n    image: alpine:3.20\n    mem_limit: 64m\n    device_cgroup_rules:\n      - "c 189:* rwm"\n      - "b *:* rw"\n';
    const out = sink();
    const code = await runCli(['scan', '.', '--format', 'json', '--daemon-policy', 'builtin'], writeTree({ 'compose.yaml': compose }), out, sink());
    const report = JSON.parse(out.text) as Report;
    assert.deepEqual(report.errors, []);
    const at = (ruleId: string) => report.findings.filter((f) => f.ruleId === ruleId).map((f) => f.startLine);
    assert.deepEqual(at('CPA019'), [7]);
    assert.deepEqual(at('CPC042'), [7]);
    assert.match(report.findings.find((f) => f.ruleId === 'CPA019')?.message ?? '', /device cgroup rule "b \*:\* rw" allows every block device of the host/);
    assert.equal(code, 1);
  });
});
