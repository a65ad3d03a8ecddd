/**
 * The committed policy bundle (dist/policy/) run through the Wasm SDK the action uses: the rules'
 * raw results on hand-written input documents, the entrypoints, and the rule catalogue. Rego-level
 * cases live beside each rule in policies/; these prove the compiled module agrees.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, it } from 'node:test';
import { loadPolicy, type LoadedPolicy } from '@open-policy-agent/opa-wasm';
import type { FileKind } from '../../src/model.js';
import type { InputDocument } from '../../src/parse/input-document.js';

const distDir = new URL('../../dist/policy/', import.meta.url);
const fixturesDir = new URL('../fixtures/inputs/', import.meta.url);

interface RawFinding {
  readonly msg: string;
  readonly startLine?: number;
  readonly endLine?: number;
  readonly path?: readonly (string | number)[];
}
type RuleResults = Record<string, RawFinding[]>;

const RULES: Record<FileKind, readonly string[]> = {
  dockerfile: ['image_tag', 'root_user'],
  compose: ['docker_socket', 'privileged'],
};

let policy: LoadedPolicy;

async function readJson<T>(url: URL): Promise<T> {
  return JSON.parse(await readFile(url, 'utf8')) as T;
}

const loadFixture = (name: string) => readJson<InputDocument>(new URL(name, fixturesDir));

/** The SDK throws strings and plain objects; turn them into something assert can report. */
function describeThrown(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : typeof thrown === 'string' ? thrown : JSON.stringify(thrown);
}

/** Evaluates one entrypoint; undefined when the policy result is undefined (an empty result set). */
function evaluate(document: InputDocument, kind: FileKind): RuleResults | undefined {
  let resultSet: { result: RuleResults }[];
  try {
    resultSet = policy.evaluate(document, `container_policy/main/${kind}`);
  } catch (thrown) {
    throw new Error(`evaluating ${document.path}: ${describeThrown(thrown)}`, { cause: thrown });
  }
  assert.ok(resultSet.length <= 1, 'an entrypoint yields at most one result');
  return resultSet[0]?.result;
}

const at = (line: number, msg: string): RawFinding => ({ msg, startLine: line, endLine: line });

before(async () => {
  policy = await loadPolicy(await readFile(new URL('policy.wasm', distDir)));
  policy.setData(await readJson<object>(new URL('data.json', distDir)));
});

describe('policy.wasm entrypoints', () => {
  it('exposes one entrypoint per file kind', () => {
    assert.deepEqual(Object.keys(policy.entrypoints).sort(), ['container_policy/main/compose', 'container_policy/main/dockerfile']);
  });

  it('is undefined for a document of the other kind', async () => {
    assert.equal(evaluate(await loadFixture('compose-clean.json'), 'dockerfile'), undefined);
    assert.equal(evaluate(await loadFixture('dockerfile-clean.json'), 'compose'), undefined);
  });
});

describe('dockerfile rules in Wasm', () => {
  const cases: { fixture: string; expected: RuleResults }[] = [
    {
      fixture: 'dockerfile-clean.json',
      expected: { image_tag: [], root_user: [] },
    },
    {
      fixture: 'dockerfile-latest-tag.json',
      expected: {
        image_tag: [at(1, 'Stage 0 uses image "node:latest" with the mutable tag "latest"')],
        root_user: [],
      },
    },
    {
      fixture: 'dockerfile-root-user.json',
      expected: {
        image_tag: [],
        root_user: [at(7, 'Final stage 0 runs as root: the USER in effect is "root"')],
      },
    },
    {
      fixture: 'dockerfile-multistage-inherited-root.json',
      expected: {
        image_tag: [
          at(1, 'Stage "build" uses image "golang" with no tag or digest, so Docker pulls whatever "latest" currently is'),
        ],
        root_user: [at(4, 'Final stage "app" runs as root: the USER in effect is "root", set in stage "base"')],
      },
    },
    {
      // Root builder stage, a stage built on a stage, and a scratch final stage: nothing to report.
      fixture: 'dockerfile-multistage-clean.json',
      expected: { image_tag: [], root_user: [] },
    },
  ];
  for (const { fixture, expected } of cases) {
    it(fixture, async () => {
      assert.deepEqual(evaluate(await loadFixture(fixture), 'dockerfile'), expected);
    });
  }

  it('reports a final stage without USER at its FROM line', async () => {
    const document = await loadFixture('dockerfile-latest-tag.json');
    assert.equal(document.kind, 'dockerfile');
    const withoutUser = { ...document, instructions: document.instructions.filter((i) => i.keyword !== 'USER') };
    assert.deepEqual(evaluate(withoutUser, 'dockerfile')?.root_user, [
      at(1, 'Final stage 0 and the stages it is built from set no USER, so the image runs as root'),
    ]);
  });
});

describe('compose rules in Wasm', () => {
  const cases: { fixture: string; expected: RuleResults }[] = [
    {
      fixture: 'compose-clean.json',
      expected: { docker_socket: [], privileged: [] },
    },
    {
      fixture: 'compose-privileged.json',
      expected: {
        docker_socket: [],
        privileged: [
          {
            msg: 'Service "agent" runs privileged, with all capabilities and host devices',
            path: ['services', 'agent', 'privileged'],
          },
          {
            msg: 'Service "legacy" runs privileged, with all capabilities and host devices',
            path: ['services', 'legacy', 'privileged'],
          },
        ],
      },
    },
    {
      fixture: 'compose-docker-socket.json',
      expected: {
        docker_socket: [
          {
            msg: 'Service "ci" mounts "/var/run/docker.sock", which gives it control of the host\'s Docker daemon',
            path: ['services', 'ci', 'volumes', 1],
          },
          {
            msg: 'Service "proxy" mounts "/run/docker.sock", which gives it control of the host\'s Docker daemon',
            path: ['services', 'proxy', 'volumes', 0],
          },
        ],
        privileged: [],
      },
    },
  ];
  for (const { fixture, expected } of cases) {
    it(fixture, async () => {
      assert.deepEqual(evaluate(await loadFixture(fixture), 'compose'), expected);
    });
  }
});

describe('catalogue.json', () => {
  const FRAMEWORKS = ['cis-docker', 'nist-800-190', 'owasp-docker', 'pci-dss', 'soc2'];
  const ALIAS_TOOLS = ['checkov', 'hadolint', 'kics', 'trivy'];
  const FIELDS = ['aliases', 'compliance', 'description', 'id', 'remediation', 'severity', 'title'];

  it('describes exactly the rules the bundle evaluates, with every field', async () => {
    const catalogue = await readJson<Record<string, Record<string, Record<string, unknown>>>>(
      new URL('catalogue.json', distDir),
    );
    assert.deepEqual(Object.keys(catalogue).sort(), ['compose', 'dockerfile']);
    const ids = new Set<string>();
    for (const kind of ['dockerfile', 'compose'] as const) {
      const clean = await loadFixture(`${kind}-clean.json`);
      assert.deepEqual(Object.keys(evaluate(clean, kind) ?? {}).sort(), [...RULES[kind]]);
      assert.deepEqual(Object.keys(catalogue[kind] ?? {}).sort(), [...RULES[kind]]);

      for (const [name, rule] of Object.entries(catalogue[kind] ?? {})) {
        assert.deepEqual(Object.keys(rule).sort(), FIELDS, name);
        for (const field of ['id', 'title', 'description', 'remediation']) {
          assert.ok(typeof rule[field] === 'string' && rule[field] !== '', `${name}.${field}`);
        }
        assert.ok(rule.severity === 'deny' || rule.severity === 'warn', `${name}.severity`);
        assert.deepEqual(Object.keys(rule.compliance as object).sort(), FRAMEWORKS, `${name}.compliance`);
        assert.deepEqual(Object.keys(rule.aliases as object).sort(), ALIAS_TOOLS, `${name}.aliases`);
        assert.ok(!ids.has(rule.id as string), `${name}: duplicate id ${String(rule.id)}`);
        ids.add(rule.id as string);
      }
    }
    assert.deepEqual([...ids].sort(), ['CPC001', 'CPC002', 'CPD001', 'CPD002']);
  });
});
