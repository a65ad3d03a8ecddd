// Hostile inputs, end to end: the bundled CLI on generated files built to stress one part of the
// parser or the rules each (deep shell nesting, huge RUNs, long pipelines, thousands of stages or of
// services sharing one thing, anchors, overrides, interpolation), at a size and at four times it. For
// each it prints wall time, peak RSS and what the scan made of it (findings, or the error that refused
// the file), and flags a run over 1 s or growing more than 6-fold (linear is 4, after the start-up a
// one-line file costs; the faster of two runs of each). Refusing a file past a bound, quickly and with a clear error, is a pass.
// Figures, not a test: the exit status is 0 either way.
// Run: node --import tsx bench/hostile.bench.ts   (after npm run build; BENCH_DIST for another build; ~1 min)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCRATCH } from './lib/corpus.js';
import { runMeasured } from './lib/measure.js';
import { CLI_ENTRY, NODE } from './lib/tools.js';

type Files = Record<string, string>;
const times = (count: number, make: (i: number) => string, separator = '\n') => Array.from({ length: count }, (_, i) => make(i)).join(separator);
// Nesting deeper than the fast shell path follows, so the script goes to the full shell parser.
const deep = `echo ${'$('.repeat(40)}x${')'.repeat(40)}`;

// [name, smaller size, files at size n]
const CASES: [string, number, (n: number) => Files][] = [
  ['Dockerfile: one RUN of n commands', 5000, (n) => ({ Dockerfile: `FROM alpine:3.20\nUSER 1000\nRUN ${times(n, (i) => `a${i}`, '; ')}` })],
  ['Dockerfile: one pipeline of n commands', 5000, (n) => ({ Dockerfile: `FROM alpine:3.20\nUSER 1000\nRUN ${times(n, (i) => `a${i}`, ' | ')}` })],
  ['Dockerfile: n command substitutions beside deep nesting (full shell parser)', 400, (n) => ({ Dockerfile: `FROM alpine:3.20\nUSER 1000\nRUN ${deep} ${times(n, () => '$(a)', ' ')}` })],
  ['Dockerfile: a pipeline of n commands beside deep nesting (full shell parser)', 400, (n) => ({ Dockerfile: `FROM alpine:3.20\nUSER 1000\nRUN ${deep} && ${times(n, (i) => `a${i}`, ' | ')}` })],
  ['Dockerfile: a RUN of one word of n KB', 400, (n) => ({ Dockerfile: `FROM alpine:3.20\nUSER 1000\nRUN echo ${'x'.repeat(n * 1000)}` })],
  ['Dockerfile: n stages each running curl and wget', 250, (n) => ({ Dockerfile: times(n, (i) => `FROM alpine:3.20 AS s${i}\nRUN curl -fsSLo /a https://e.example/a && wget https://e.example/b\nCOPY --from=s${Math.max(0, i - 1)} /x /y`) })],
  ['Dockerfile: n heredocs', 1000, (n) => ({ Dockerfile: `# syntax=docker/dockerfile:1\nFROM alpine:3.20\nUSER 1000\n${times(n, (i) => `RUN <<EOF${i}\necho ${i}\ncurl https://e.example/${i} | sh\nEOF${i}`)}` })],
  ['Dockerfile: n ARGs, each used', 1000, (n) => ({ Dockerfile: `${times(n, (i) => `ARG A${i}=v`)}\nFROM alpine:3.20\nUSER 1000\n${times(n, (i) => `RUN echo $A${i} \${A${i}:+x}`)}` })],
  ['Dockerfile: a chain of n ENV built on each other', 1000, (n) => ({ Dockerfile: `FROM alpine:3.20\nUSER 1000\n${times(n, (i) => `ENV V${i}=\${V${i - 1}:-x}y`)}` })],
  ['Dockerfile: n instructions read by dockerfile-ast (a backtick escape directive)', 2500, (n) => ({ Dockerfile: `# escape=\`\nFROM alpine:3.20\nUSER 1000\n${times(n, (i) => (i % 3 === 0 ? `RUN echo a${i} && \`\n  curl -fsSL https://e.example/${i} | tar -xz` : i % 3 === 1 ? `ENV K${i}=v${i}` : `COPY a${i} /b${i}/`))}` })],
  ['Dockerfile: one RUN over n continuation lines', 1000, (n) => ({ Dockerfile: `FROM alpine:3.20\nUSER 1000\nRUN echo \\\n${times(n, (i) => `  a${i} \\`)}\n  end` })],
  ['Dockerfile: a COPY heredoc of n lines, each holding an @ (past 20,000 lines the file is refused)', 5000, (n) => ({ Dockerfile: `FROM alpine:3.20\nUSER 1000\nCOPY <<EOF /etc/app.conf\n${times(n, (i) => `u${i}:p@h${i}`)}\nEOF` })],
  ['compose: n services sharing one volume', 500, (n) => ({ 'compose.yml': `services:\n${times(n, (i) => `  s${i}:\n    image: r${i}.example/x:1.0\n    volumes: ["shared:/data"]`)}\nvolumes:\n  shared: {}` })],
  ['compose: n services merging one anchor', 500, (n) => ({ 'compose.yml': `x-base: &b\n  image: a:1\n  environment: {A: "1"}\nservices:\n${times(n, (i) => `  s${i}:\n    <<: *b\n    ports: ["${1000 + i}:80"]`)}` })],
  ['compose: n services and an override of each', 500, (n) => ({ 'compose.yml': `services:\n${times(n, (i) => `  s${i}:\n    image: a:1`)}`, 'compose.override.yml': `services:\n${times(n, (i) => `  s${i}:\n    privileged: true`)}` })],
  ['compose: n variables in .env, each used', 500, (n) => ({ '.env': times(n, (i) => `V${i}=v${i}`), 'compose.yml': `services:\n${times(n, (i) => `  s${i}:\n    image: "a:\${V${i}}"`)}` })],
  ['compose: n secrets in .env, each passed by a bare environment entry and a bare build arg', 500, (n) => ({ '.env': times(n, (i) => `TOKEN_${i}=ghp_${String(i).padStart(36, 'a')}`), 'compose.yml': `services:\n${times(n, (i) => `  s${i}:\n    image: a:1\n    build: {context: ., args: [TOKEN_${i}]}\n    environment: [TOKEN_${i}]`)}` })],
  ['compose: n services of one line each (past 5,000 a project is refused)', 1500, (n) => ({ 'compose.yml': `services:\n${times(n, (i) => `  s${i}: {image: a}`)}` })],
  ['compose: one value of n interpolations', 1000, (n) => ({ 'compose.yml': `services:\n  s0:\n    image: "a:${times(n, (i) => `\${V${i}:-x}`, '')}"` })],
  ['compose: n services in a chain of dependencies', 500, (n) => ({ 'compose.yml': `services:\n${times(n, (i) => `  s${i}:\n    image: a:1\n    depends_on:\n      s${Math.max(0, i - 1)}: {condition: service_healthy}\n    network_mode: "service:s${Math.max(0, i - 1)}"`)}` })],
  ['compose: n services each running a command of 4 words and a shell healthcheck (past 20,000 words a project is refused)', 1000, (n) => ({ 'compose.yml': `services:\n${times(n, (i) => `  s${i}:\n    image: a:1\n    command: app --db postgres://u${i}@db/x\n    healthcheck: {test: "curl -f http://localhost/${i}"}`)}` })],
  ['compose: a chain of n extends', 25, (n) => ({ 'compose.yml': `services:\n${times(n, (i) => (i === 0 ? '  s0:\n    image: a:1' : `  s${i}:\n    extends: s${i - 1}`))}` })],
];

const root = join(SCRATCH, 'hostile');

function write(dir: string, files: Files): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), `${text}\n`);
}

async function scan(dir: string): Promise<{ wallMs: number; peakRssMiB: number | undefined; outcome: string }> {
  const report = join(root, 'report.json');
  const run = await runMeasured(NODE, [CLI_ENTRY, 'scan', dir, '--format', 'json', '--output', report], { okCodes: [0, 1] });
  const { findings, errors } = JSON.parse(readFileSync(report, 'utf8')) as { findings: unknown[]; errors: { message: string }[] };
  const error = errors[0]?.message.replace(/^[^:]*:\d+: /, '');
  const outcome = error === undefined ? `${findings.length} findings` : `refused: ${error.length > 90 ? `${error.slice(0, 90)}…` : error}`;
  return { wallMs: run.wallMs, peakRssMiB: run.peakRssMiB, outcome };
}

const figure = (run: { wallMs: number; peakRssMiB: number | undefined }) =>
  `${run.wallMs.toFixed(0)} ms, ${run.peakRssMiB === undefined ? 'n/a' : `${run.peakRssMiB.toFixed(0)} MiB`}`;

write(join(root, 'baseline'), { Dockerfile: 'FROM alpine:3.20' });
const baselines: number[] = [];
for (let i = 0; i < 3; i++) baselines.push((await scan(join(root, 'baseline'))).wallMs);
const baseline = Math.min(...baselines);
// Below this above the start-up, the figures are the machine's noise and no growth is worked out.
const NOISE_MS = 50;
const rows = ['| input | n | at n | 4n | at 4n | growth | |', '|---|---|---|---|---|---|---|'];
for (const [name, n, make] of CASES) {
  const results = [];
  for (const size of [n, n * 4]) {
    const dir = join(root, 'case');
    write(dir, make(size));
    // The faster of two runs: this machine's noise is larger than some of these figures.
    const [first, second] = [await scan(dir), await scan(dir)];
    results.push(first.wallMs <= second.wallMs ? first : second);
  }
  const [small, large] = results as [Awaited<ReturnType<typeof scan>>, Awaited<ReturnType<typeof scan>>];
  const measurable = small.wallMs - baseline > NOISE_MS;
  const growth = (large.wallMs - baseline) / Math.max(small.wallMs - baseline, 1);
  const flag = large.wallMs > 1000 || small.wallMs > 1000 ? 'over 1 s' : measurable && growth > 6 ? 'steep' : '';
  const shown = measurable ? `${growth.toFixed(1)}×` : 'too small to tell';
  rows.push(`| ${name} | ${n.toLocaleString('en')} | ${figure(small)}: ${small.outcome} | ${(n * 4).toLocaleString('en')} | ${figure(large)}: ${large.outcome} | ${shown} | ${flag} |`);
}
rmSync(root, { recursive: true, force: true });
console.log(`Hostile inputs through ${CLI_ENTRY} (a one-line Dockerfile takes ${baseline.toFixed(0)} ms, the fastest of 3; growth is the time above that at 4n over at n, linear 4×)\n`);
console.log(rows.join('\n'));
