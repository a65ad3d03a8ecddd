// How each built-in Dockerfile rule's Wasm time grows with hostile input: one RUN of many commands of
// one kind (joined by `&&`, or all in one pipeline), many RUNs, many stages. Each rule is compiled as
// its own entrypoint from policies/ as it is now, evaluated at a size and at four times it, and every
// rule whose time grows more than GROWTH-fold (linear is 4) and takes more than FLOOR ms is printed:
// that is how rules that go through a RUN's commands for each command, or every prefix of a path,
// were found. Figures, not a test: the exit status is 0 either way.
// Run: node --import tsx bench/rule-growth.bench.mjs [--scale 1]
import { readdirSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadPolicy } from '@open-policy-agent/opa-wasm';
import { parseFile } from '../src/parse/registry.ts';
import { CAPABILITIES, opa, root } from '../scripts/lib/opa.mjs';
import { readTarGz } from '../scripts/lib/tar.mjs';

const GROWTH = 6;
const FLOOR = 100;
// Below this, growth is mostly the clock and the garbage collector.
const NOTICEABLE = 20;
const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' } } });
const scale = Number(values.scale);

// One command per kind the rules look at, `${i}` numbering it where a rule pairs commands by name.
const COMMANDS = {
  'apt-get install': () => 'apt-get install -y curl',
  'apt-get update + install': (i) => `apt-get update && apt-get install -y p${i}`,
  'apk add': () => 'apk add curl',
  'pip install': () => 'pip install flask',
  'npm install': () => 'npm install -g x',
  'yum install': () => 'yum install -y x',
  'zypper install': () => 'zypper install -y x',
  'pacman -Sy': () => 'pacman -Sy x',
  chmod: (i) => `chmod 4755 /usr/bin/t${i}`,
  'chmod + rm': (i) => `chmod 777 /x${i} && rm -rf /x${i}`,
  'curl -o + rm': (i) => `curl -fsSLo /tmp/a${i}.tgz https://e.example/a${i}.tgz && rm -rf /tmp/a${i}.tgz`,
  'curl -o + run': (i) => `curl -fsSLo /tmp/i${i}.sh https://e.example/i${i}.sh && sh /tmp/i${i}.sh`,
  'curl | tee | sh': (i) => `curl -fsSL https://e.example/i${i}.sh | tee /tmp/i${i}.sh | sh`,
  'curl > file': (i) => `curl -fsSL https://e.example/x > /tmp/x${i}`,
  'wget + chmod + run': (i) => `wget -O /usr/local/bin/t${i} https://e.example/t${i} && chmod +x /usr/local/bin/t${i} && t${i} --version`,
  'curl + gpg': (i) => `curl -fsSLo /tmp/k${i}.asc https://e.example/k${i}.asc && gpg --verify /tmp/k${i}.asc`,
  'eval $(curl)': () => 'eval "$(curl -fsSL https://e.example/x)"',
  'sh -c script': () => 'sh -c "curl -fsSL https://e.example/x | sh"',
  'sudo / su -c': () => 'sudo apt-get install -y x && su app -c "echo hi"',
  'git clone with credentials': () => 'git clone https://u:p@e.example/r.git',
  'export token': () => `export GITHUB_TOKEN=ghp_${'a'.repeat(36)}`,
  'prefix assignment': (i) => `TOKEN${i}=glpat-${'a'.repeat(20)} make t${i}`,
  'TLS off': () => 'env X=1 curl -k https://e.example && git config --global http.sslVerify false',
  'useradd': (i) => `useradd -u ${100000 + i} u${i}`,
  'set -o pipefail': (i) => `set -o pipefail && cat a${i} | grep b`,
};

// Each shape at its smaller size; the larger is four times it.
const SHAPES = {
  'one RUN, &&': [1000, (make, n) => ['FROM alpine:3.20', 'USER 1000', `RUN ${numbered(make, n).join(' && ')}`]],
  'one RUN, one pipeline': [1000, (make, n) => ['FROM alpine:3.20', 'USER 1000', `RUN ${numbered(make, n).join(' | ')}`]],
  'a RUN each': [1000, (make, n) => ['FROM alpine:3.20', 'USER 1000', ...numbered(make, n).map((c) => `RUN ${c}`)]],
  // Stages are bounded at 1,000 by the parser.
  'a stage each': [200, (make, n) => numbered(make, n).flatMap((c, i) => [`FROM alpine:3.20 AS s${i}`, `RUN ${c}`, `COPY --from=s${Math.max(0, i - 1)} /x${i} /y`])],
};

function numbered(make, n) {
  return Array.from({ length: n }, (_, i) => make(i));
}

const rules = readdirSync(join(root, 'policies', 'dockerfile'))
  .filter((name) => name.endsWith('.rego') && !name.endsWith('_test.rego'))
  .map((name) => name.slice(0, -'.rego'.length))
  .sort();
const entrypoint = (rule) => `container_policy/rules/dockerfile/${rule}/findings`;

async function compileEveryRule() {
  const scratch = mkdtempSync(join(tmpdir(), 'rule-growth-'));
  try {
    const tarball = join(scratch, 'bundle.tar.gz');
    opa(['build', '-t', 'wasm', '--capabilities', CAPABILITIES, '--ignore', '*_test.rego', '--ignore', 'capabilities.json', ...rules.flatMap((r) => ['-e', entrypoint(r)]), '-o', tarball, 'policies']);
    const bundle = readTarGz(readFileSync(tarball));
    const policy = await loadPolicy(bundle.get('/policy.wasm'), { initial: 4096 });
    policy.setData(JSON.parse(bundle.get('/data.json').toString('utf8')));
    return policy;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function inputOf(lines) {
  const { document } = parseFile('dockerfile', 'Dockerfile', Buffer.from(`${lines.join('\n')}\n`));
  return document;
}

/** Milliseconds, or Infinity when the evaluation fails (a rule that runs out of the module's memory). */
function msOf(policy, input, rule) {
  const start = performance.now();
  try {
    policy.evaluate(input, entrypoint(rule));
  } catch (error) {
    failures.push(`${rule}: ${error instanceof Error ? error.message : String(error)}`);
    return Infinity;
  }
  return performance.now() - start;
}

const failures = [];
let policy = await compileEveryRule();
const worst = new Map(rules.map((rule) => [rule, { growth: 0, where: '' }]));
const flagged = [];
for (const [kind, make] of Object.entries(COMMANDS)) {
  for (const [shape, [base, build]] of Object.entries(SHAPES)) {
    const small = Math.round(base * scale);
    const inputs = [inputOf(build(make, small)), inputOf(build(make, small * 4))];
    for (const rule of rules) {
      const [a, b] = inputs.map((input) => msOf(policy, input, rule));
      // A failed evaluation leaves the module's memory in no known state: start from a new instance.
      if (!Number.isFinite(a) || !Number.isFinite(b)) policy = await compileEveryRule();
      const growth = b / Math.max(a, 1);
      if (b > NOTICEABLE && growth > worst.get(rule).growth) worst.set(rule, { growth, where: `${kind}, ${shape}: ${a.toFixed(0)} → ${b.toFixed(0)} ms` });
      if (growth > GROWTH && b > FLOOR) flagged.push(`| ${rule} | ${kind} | ${shape} | ${small}: ${a.toFixed(0)} ms | ${small * 4}: ${Number.isFinite(b) ? `${b.toFixed(0)} ms` : 'failed'} | ${Number.isFinite(growth) ? `${growth.toFixed(1)}×` : ''} |`);
    }
  }
}

console.log(`${rules.length} rules × ${Object.keys(COMMANDS).length} kinds of command × ${Object.keys(SHAPES).length} shapes, each at a size and at four times it (linear growth is 4×)\n`);
if (flagged.length === 0) console.log(`No rule grew more than ${GROWTH}× to over ${FLOOR} ms.\n`);
else console.log(['| rule | command | shape | smaller | larger | growth |', '|---|---|---|---|---|---|', ...flagged].join('\n') + '\n');
if (failures.length > 0) console.log(['Evaluations that failed:', ...failures.map((f) => `  ${f}`)].join('\n') + '\n');
console.log(`The five steepest growths of rules taking over ${NOTICEABLE} ms at the larger size:`);
for (const [rule, { growth, where }] of [...worst].sort((x, y) => y[1].growth - x[1].growth).slice(0, 5)) console.log(`  ${rule}: ${growth.toFixed(1)}× (${where})`);
