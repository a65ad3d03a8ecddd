import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, it } from 'node:test';
import { workspaceFiles } from '../../src/config/config-file-fs.js';
import { UserError } from '../../src/errors.js';
import { customFindings } from '../../src/evaluate/custom-policy.js';
import { readTarGz } from '../../src/evaluate/custom-policy-tar.js';
import { loadCustomPolicies } from '../../src/evaluate/custom-policy-load-fs.js';
import { parseFile } from '../../src/parse/registry.js';
import { REPO_ROOT } from '../support/run-action.js';

const OPA_DIR = join(REPO_ROOT, 'tools', 'opa', 'bin');
const WITH_OPA = { path: [OPA_DIR, process.env.PATH ?? ''].join(delimiter) };
const NO_OPA = { path: '' };
const FIXTURES = '__tests__/fixtures/custom-policies';
const repo = workspaceFiles(REPO_ROOT);
const skip = existsSync(join(OPA_DIR, 'opa')) ? false : 'tools/opa/bin/opa is not built: run scripts/opa version';

const parsed = (kind: 'dockerfile' | 'compose', path: string, lines: string[]) => parseFile(kind, path, new TextEncoder().encode(lines.join('\n') + '\n'));
const DOCKERFILE = parsed('dockerfile', 'app/Dockerfile', ['# syntax=docker/dockerfile:1', 'FROM registry.acme.example/node:20 AS build', 'RUN npm ci', '', 'FROM node:20.11-alpine', 'USER node']);
const COMPOSE = parsed('compose', 'compose.yaml', ['services:', '  web:', '    image: nginx:1.27', '    network_mode: host']);
const request = (paths: string[], namespaces = ['main']) => ({ paths, namespaces, data: {} });

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (thrown) {
    assert.ok(thrown instanceof UserError, String(thrown));
    return thrown.message;
  }
  assert.fail('expected a UserError');
}

/** Builds the conftest fixture into an `opa build -t wasm` bundle with the pinned OPA. */
function buildBundle(): string {
  const out = mkdtempSync(join(tmpdir(), 'cpa-bundle-'));
  const bundle = join(out, 'policy.tar.gz');
  execFileSync(join(OPA_DIR, 'opa'), ['build', '-t', 'wasm', '-e', 'main', '--ignore', '*_test.rego', '-o', bundle, join(REPO_ROOT, FIXTURES, 'conftest')]);
  return bundle;
}

describe('custom Rego policies, conftest style', { skip }, () => {
  it('compiles a policy directory and reports deny, warn and violation results with their lines and METADATA', async () => {
    const [engine] = await loadCustomPolicies(request([`${FIXTURES}/conftest`]), repo, WITH_OPA);
    assert.ok(engine);
    const docker = engine.check(DOCKERFILE);
    assert.deepEqual(docker.errors, []);
    const registry = docker.findings.find((f) => f.ruleId === 'ACME001');
    assert.ok(registry, JSON.stringify(docker.findings));
    assert.equal(registry.startLine, 5, 'the FROM line of the stage that pulls from docker.io');
    assert.equal(registry.severity, 'deny');
    assert.equal(registry.title, 'Base images come from the company registry');
    assert.match(registry.remediation, /Mirror the image/);
    assert.deepEqual(registry.compliance, { 'cis-docker': ['4.2'], 'acme-standard': ['IMG-3'] });
    assert.equal(docker.findings.filter((f) => f.ruleId === 'ACME001').length, 1, 'the stage on the company registry passes');
    const warn = docker.findings.find((f) => f.ruleId === 'custom/main/warn');
    assert.deepEqual([warn?.severity, warn?.startLine, warn?.title], ['warn', 1, 'Custom policy main.warn']);
    const compose = engine.check(COMPOSE);
    assert.deepEqual(compose.findings.map((f) => [f.ruleId, f.severity, f.startLine, f.message]), [['custom/main/violation', 'deny', 4, 'Service web uses the host network']]);
    assert.ok(engine.knows('ACME001') && engine.knows('custom/main/deny_other') && !engine.knows('custom/other/deny'));
  });

  it('evaluates the namespaces selected, and refuses one the policy lacks', async () => {
    const [engine] = await loadCustomPolicies(request([`${FIXTURES}/other-namespace`], ['docker.build']), repo, WITH_OPA);
    assert.deepEqual(engine?.check(DOCKERFILE).findings.map((f) => f.ruleId), ['custom/docker.build/deny']);
    const message = await rejection(loadCustomPolicies(request([`${FIXTURES}/other-namespace`]), repo, WITH_OPA));
    assert.match(message, /entrypoint "main" does not refer[\s\S]*name the packages to evaluate with the namespace input/);
  });

  it('rejects a policy using http.send at compile time, naming the file and line', async () => {
    const message = await rejection(loadCustomPolicies(request([`${FIXTURES}/uses-http-send`]), repo, WITH_OPA));
    assert.match(message, /__tests__\/fixtures\/custom-policies\/uses-http-send\/policy\.rego:4: rego_type_error: undefined function http\.send/);
    assert.match(message, /builtin the WebAssembly runtime cannot run/);
  });

  it('says how to get opa when it is not on PATH', async () => {
    const message = await rejection(loadCustomPolicies(request([`${FIXTURES}/conftest`]), repo, NO_OPA));
    assert.match(message, /compiled with `opa`, which is not on PATH.*setup-opa.*prebuilt bundle/s);
  });

  it('runs a prebuilt bundle (tar.gz, or a directory holding policy.wasm) with no opa at all', async () => {
    const bundle = buildBundle();
    const root = mkdtempSync(join(tmpdir(), 'cpa-ws-'));
    mkdirSync(join(root, 'policy'));
    writeFileSync(join(root, 'policy.tar.gz'), execFileSync('cat', [bundle]));
    for (const [name, bytes] of readTarGz(execFileSync('cat', [bundle]))) writeFileSync(join(root, 'policy', name.split('/').pop() as string), bytes);
    for (const path of ['policy.tar.gz', 'policy']) {
      const [engine] = await loadCustomPolicies(request([path]), workspaceFiles(root), NO_OPA);
      const findings = engine?.check(DOCKERFILE).findings ?? [];
      // Without the sources there is no METADATA: default ids and severities.
      assert.deepEqual(findings.map((f) => [f.ruleId, f.startLine]).sort(), [['custom/main/deny_registry', 5], ['custom/main/warn', 1]], path);
    }
    writeFileSync(join(root, 'broken.tar.gz'), 'not a bundle');
    assert.match(await rejection(loadCustomPolicies(request(['broken.tar.gz']), workspaceFiles(root), NO_OPA)), /broken\.tar\.gz is not a gzipped tar archive/);
    assert.match(await rejection(loadCustomPolicies(request(['missing.tar.gz']), workspaceFiles(root), NO_OPA)), /missing\.tar\.gz does not exist in the workspace/);
    assert.match(await rejection(loadCustomPolicies(request(['nowhere']), workspaceFiles(root), NO_OPA)), /neither a directory nor a \.tar\.gz bundle/);
  });
});

describe('custom policy results', () => {
  it('refuses results without a message, or a rule that is not a set', () => {
    const out = customFindings('main', { deny: [{ message: 'x' }, 7, 'ok'], warn: true, helper: [1] }, DOCKERFILE, {});
    assert.deepEqual(out.findings.map((f) => f.message), ['ok']);
    assert.equal(out.errors.length, 3);
    assert.match(out.errors.map((e) => e.message).join('\n'), /main\.deny returned a result without a message: \{"message":"x"\}/);
    assert.match(out.errors.map((e) => e.message).join('\n'), /main\.warn returned true; it must be a set of messages/);
  });

  it('uses line, startLine/endLine, or a compose path, clamped to the file', () => {
    const out = customFindings('main', { deny: [{ msg: 'a', line: 3 }, { msg: 'b', startLine: 2, endLine: 4 }, { msg: 'c', startLine: 999 }] }, DOCKERFILE, {});
    assert.deepEqual(out.findings.map((f) => [f.message, f.startLine, f.endLine]), [['a', 3, 3], ['b', 2, 4], ['c', 6, 6]]);
  });
});
