/**
 * The committed policy bundle (dist/policy/) run through the Wasm SDK the action uses: the rules'
 * raw results on hand-written input documents, the entrypoints, and the rule catalogue. Rego-level
 * cases live beside each rule in policies/; these prove the compiled module agrees.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { before, describe, it } from 'node:test';
import { loadPolicy, type LoadedPolicy } from '@open-policy-agent/opa-wasm';
import type { FileKind } from '../../src/model.js';
import type { InputDocument } from '../../src/parse/input-document.js';
import { fixtureNames, reparse } from '../fixtures/inputs/regenerate.js';

const distDir = new URL('../../dist/policy/', import.meta.url);
const fixturesDir = new URL('../fixtures/inputs/', import.meta.url);

interface RawFinding {
  readonly msg: string;
  readonly startLine?: number;
  readonly endLine?: number;
  readonly path?: readonly (string | number)[];
}
type RuleResults = Record<string, RawFinding[]>;

/** The spine's rules, whose exact results these tests pin; the rest of the catalogue is checked for shape. */
const SPINE_RULES: Record<FileKind, readonly string[]> = {
  dockerfile: ['image_tag', 'root_user'],
  compose: ['docker_socket', 'privileged'],
};
const SPINE_IDS = ['CPC001', 'CPC002', 'CPD001', 'CPD002'];

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

/**
 * The spine rules' results, a rule that found nothing (absent from the result) as an empty list. A rule
 * lists its findings in no particular order (the reports sort them; sorting in Wasm is quadratic), so
 * they are sorted here.
 */
function spine(results: RuleResults | undefined, kind: FileKind): RuleResults {
  assert.ok(results, 'the entrypoint has a result');
  const sorted = (found: RawFinding[]) => [...found].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return Object.fromEntries(SPINE_RULES[kind].map((rule) => [rule, sorted(results[rule] ?? [])]));
}

/** Every rule listed has a list of findings, not empty, each with a message and either lines or a YAML path. */
function assertWellFormed(results: RuleResults | undefined): void {
  assert.ok(results, 'the entrypoint has a result');
  for (const [rule, found] of Object.entries(results)) {
    assert.ok(Array.isArray(found) && found.length > 0, `${rule} is listed with findings`);
    for (const f of found) {
      assert.ok(typeof f.msg === 'string' && f.msg !== '', `${rule}: a message`);
      const lines = Number.isInteger(f.startLine) && Number.isInteger(f.endLine) && (f.endLine ?? 0) >= (f.startLine ?? 1) && (f.startLine ?? 0) >= 1;
      assert.ok(lines || Array.isArray(f.path), `${rule}: lines or a path in ${JSON.stringify(f)}`);
    }
  }
}

/** The rule packages under container_policy.rules.<kind>, by name, from the policy sources. */
async function rulePackages(kind: FileKind): Promise<string[]> {
  const dir = new URL(`../../policies/${kind}/`, import.meta.url);
  const declaration = new RegExp(`^package container_policy\\.rules\\.${kind}\\.(\\w+)$`, 'm');
  const names: string[] = [];
  for (const file of await readdir(dir)) {
    if (!file.endsWith('.rego') || file.endsWith('_test.rego')) continue;
    const name = declaration.exec(await readFile(new URL(file, dir), 'utf8'))?.[1];
    assert.ok(name, `policies/${kind}/${file} declares a rule package`);
    names.push(name);
  }
  return names.sort();
}

/** Rules of the catalogue that fired, by name. */
const fired = (results: RuleResults | undefined) => Object.keys(results ?? {}).sort();

before(async () => {
  policy = await loadPolicy(await readFile(new URL('policy.wasm', distDir)));
  policy.setData(await readJson<object>(new URL('data.json', distDir)));
});

describe('policy.wasm entrypoints', () => {
  it('exposes one entrypoint per file kind, and the built-in daemon policy\'s', () => {
    assert.deepEqual(Object.keys(policy.entrypoints).sort(), [
      'container_policy/main/compose',
      'container_policy/main/dockerfile',
      'docker/authz/allow',
      'docker/authz/audit',
      'docker/authz/deny',
    ]);
  });

  it('is fed fixtures that are exactly what the parser produces from their source lines', async () => {
    for (const name of fixtureNames()) {
      const fixture = await loadFixture(name);
      assert.deepEqual(fixture, reparse(fixture), `${name} is stale: run node --import tsx __tests__/fixtures/inputs/regenerate.ts`);
    }
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
      const results = evaluate(await loadFixture(fixture), 'dockerfile');
      assertWellFormed(results);
      assert.deepEqual(spine(results, 'dockerfile'), spine(expected, 'dockerfile'));
    });
  }

  it('finds nothing at all in the clean image: no rule is listed', async () => {
    const results = evaluate(await loadFixture('dockerfile-clean.json'), 'dockerfile');
    assert.deepEqual(fired(results), []);
  });

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
      const results = evaluate(await loadFixture(fixture), 'compose');
      assertWellFormed(results);
      assert.deepEqual(spine(results, 'compose'), spine(expected, 'compose'));
    });
  }

  it('finds nothing at all in the hardened service', async () => {
    assert.deepEqual(fired(evaluate(await loadFixture('compose-clean.json'), 'compose')), []);
  });
});

describe('catalogue.json', () => {
  const FRAMEWORKS = ['cis-docker', 'nist-800-190', 'owasp-docker', 'pci-dss', 'soc2'];
  const ALIAS_TOOLS = ['checkov', 'hadolint', 'kics', 'trivy'];
  const FIELDS = ['aliases', 'compliance', 'description', 'id', 'remediation', 'severity', 'title'];

  it('describes exactly the rules the bundle evaluates, with every field', async () => {
    const catalogue = await readJson<Record<string, Record<string, Record<string, unknown>>>>(
      new URL('catalogue.json', distDir),
    );
    // `authz`: the built-in Docker daemon policy's rules (checked in __tests__/authz).
    assert.deepEqual(Object.keys(catalogue).sort(), ['authz', 'compose', 'dockerfile']);
    const ids = new Set<string>();
    for (const kind of ['dockerfile', 'compose'] as const) {
      // Every rule package has a catalogue entry, and no entry lacks its package. The entrypoint asks
      // every package under container_policy.rules.<kind> (policies/main_test.rego).
      assert.deepEqual(await rulePackages(kind), Object.keys(catalogue[kind] ?? {}).sort());
      for (const rule of SPINE_RULES[kind]) assert.ok(rule in (catalogue[kind] ?? {}), `${kind}.${rule} is in the catalogue`);
      const prefix = kind === 'dockerfile' ? 'CPD' : 'CPC';

      for (const [name, rule] of Object.entries(catalogue[kind] ?? {})) {
        assert.deepEqual(Object.keys(rule).sort(), FIELDS, name);
        for (const field of ['id', 'title', 'description', 'remediation']) {
          assert.ok(typeof rule[field] === 'string' && rule[field] !== '', `${name}.${field}`);
        }
        assert.ok(rule.severity === 'deny' || rule.severity === 'warn', `${name}.severity`);
        assert.deepEqual(Object.keys(rule.compliance as object).sort(), FRAMEWORKS, `${name}.compliance`);
        assert.deepEqual(Object.keys(rule.aliases as object).sort(), ALIAS_TOOLS, `${name}.aliases`);
        assert.match(rule.id as string, new RegExp(`^${prefix}\\d{3}$`), `${name}.id`);
        assert.ok(!ids.has(rule.id as string), `${name}: duplicate id ${String(rule.id)}`);
        ids.add(rule.id as string);
      }
    }
    for (const id of SPINE_IDS) assert.ok(ids.has(id), `${id} is in the catalogue`);
  });
});
