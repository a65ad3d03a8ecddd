/**
 * dist/policy/policy.wasm is OPA's module after binaryen's optimizer (scripts/lib/optimize-wasm.mjs).
 * The optimizer must not change a single answer: this compiles policies/ again with the pinned OPA,
 * without the optimizer, and requires both modules to answer alike for every corpus file (each
 * file kind's entrypoint, with the input the pipeline sends) and for every container-create request
 * the corpus's compose files make (the three daemon entrypoints).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadPolicy, type LoadedPolicy } from '@open-policy-agent/opa-wasm';
import { toAuthzInput } from '../../src/authz/authz-input.js';
import { synthesizeCreateRequests } from '../../src/authz/create-request.js';
import { builtinRuleInput } from '../../src/evaluate/builtin-input.js';
import { ENTRYPOINTS } from '../../src/evaluate/policy-engine.js';
import type { ComposeDocument } from '../../src/parse/input-document.js';
import { ENTRYPOINTS as BUILT_ENTRYPOINTS, compilePolicyBundle } from '../../scripts/lib/compile-policy.mjs';
import { REAL_CORPUS, corpusDocuments } from '../support/corpus-documents.js';
import { REPO_ROOT } from '../support/run-action.js';

const SHIPPED = join(REPO_ROOT, 'dist', 'policy');
// The daemon policy's entrypoints, as the build compiles them.
const DAEMON_ENTRYPOINTS = BUILT_ENTRYPOINTS.filter((entrypoint) => entrypoint.startsWith('docker/authz/'));

const skip =
  (!existsSync(join(REPO_ROOT, 'tools', 'opa', 'bin', 'opa')) && 'tools/opa/bin/opa is not built: run scripts/opa version') ||
  (!existsSync(join(SHIPPED, 'policy.wasm')) && 'dist/policy is not built: run npm run policy:build') ||
  (!existsSync(REAL_CORPUS) && `corpus ${REAL_CORPUS} is missing`);

async function instance(wasm: Uint8Array, data: object): Promise<LoadedPolicy> {
  const policy = await loadPolicy(wasm, { initial: 4096 });
  policy.setData(data);
  return policy;
}

test('the shipped, optimized module answers every corpus file and create request as OPA’s own module does', { skip }, async () => {
  const bundle = compilePolicyBundle();
  const unoptimizedWasm = bundle.get('/policy.wasm');
  assert.ok(unoptimizedWasm);
  const shippedWasm = readFileSync(join(SHIPPED, 'policy.wasm'));
  // The comparison is between two different modules: the optimizer ran on the shipped one.
  assert.ok(shippedWasm.length < unoptimizedWasm.length * 0.9, `shipped ${shippedWasm.length} bytes, OPA's ${unoptimizedWasm.length}`);
  const data = JSON.parse(new TextDecoder().decode(bundle.get('/data.json'))) as object;
  const [shipped, unoptimized] = await Promise.all([instance(shippedWasm, data), instance(unoptimizedWasm, data)]);

  const documents = await corpusDocuments();
  assert.ok(documents.length > 4000, `${documents.length} documents`);
  let findings = 0;
  let requests = 0;
  let denials = 0;
  for (const document of documents) {
    const input = builtinRuleInput(document);
    const expected = unoptimized.evaluate(input, ENTRYPOINTS[document.kind]) as { result: Record<string, unknown[]> }[];
    assert.deepEqual(shipped.evaluate(input, ENTRYPOINTS[document.kind]), expected, document.path);
    findings += Object.values(expected[0]?.result ?? {}).reduce((sum, list) => sum + list.length, 0);
    if (document.kind !== 'compose') continue;
    let created;
    try {
      created = synthesizeCreateRequests(document as ComposeDocument, { workspace: '/srv/repo' });
    } catch {
      continue; // a service compose itself would refuse to create (reported as a finding by the daemon check)
    }
    for (const request of created) {
      const authz = toAuthzInput(request, request.body, { user: 'alice' });
      for (const entrypoint of DAEMON_ENTRYPOINTS) {
        const answer = unoptimized.evaluate(authz, entrypoint) as { result: unknown }[];
        assert.deepEqual(shipped.evaluate(authz, entrypoint), answer, `${document.path} ${request.service} ${entrypoint}`);
        if (entrypoint === 'docker/authz/deny') denials += (answer[0]?.result as unknown[] | undefined)?.length ?? 0;
      }
      requests++;
    }
  }
  // Not an empty comparison: the rules fire tens of thousands of times, the daemon policy thousands.
  assert.ok(findings > 50000, `${findings} findings`);
  assert.ok(requests > 2000 && denials > 1000, `${requests} create requests, ${denials} denials`);
});
