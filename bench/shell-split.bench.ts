// Prints how long shell splitting takes over every shell-form RUN script of the real corpus: the full
// shell parser (mvdan-sh) alone, against the production path (the fast-path parser, falling back to
// mvdan-sh for the rest), how many scripts each path took, and how many of the rest mvdan-sh rejects.
// Run: node --import tsx bench/shell-split.bench.ts
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseFile } from '../src/parse/registry.js';
import { splitCommands, splitWithShellParser } from '../src/parse/shell/split-commands.js';
import { splitSimpleCommands } from '../src/parse/shell/split-simple.js';

const CORPUS = '../shared/corpus/real/dockerfiles';
if (!existsSync(CORPUS)) {
  console.log(`corpus not found at ${CORPUS} (it lives beside the repository); nothing to measure`);
  process.exit(0);
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((entry) => (statSync(join(dir, entry)).isDirectory() ? filesUnder(join(dir, entry)) : [join(dir, entry)]));

// The script as the parser hands it to the splitter, near enough: keyword blanked, comment lines dropped.
const scripts: string[] = [];
for (const path of filesUnder(CORPUS)) {
  let document;
  try {
    document = parseFile('dockerfile', path, readFileSync(path)).document;
  } catch {
    continue;
  }
  if (document.kind !== 'dockerfile') continue;
  for (const instruction of document.instructions) {
    if (instruction.keyword !== 'RUN' || instruction.form !== 'shell') continue;
    const text = document.lines.slice(instruction.startLine - 1, instruction.endLine).join('\n');
    scripts.push(text.replace(/^\s*RUN/, '   ').split('\n').filter((line) => !/^\s*#/.test(line)).join('\n'));
  }
}

function time(label: string, split: (script: string) => unknown): void {
  const start = performance.now();
  for (const script of scripts) split(script);
  const ms = performance.now() - start;
  console.log(`${label.padEnd(34)} ${String(Math.round(ms)).padStart(7)} ms  ${(ms / scripts.length).toFixed(3)} ms/script`);
}

const fast = scripts.filter((script) => splitSimpleCommands(script) !== undefined);
// Counting these also loads mvdan-sh (~100 ms) before the timings.
const rejected = scripts.filter((script) => splitSimpleCommands(script) === undefined && !splitWithShellParser(script).ok);
const share = (n: number): string => `${n} (${((100 * n) / scripts.length).toFixed(1)}%)`;
console.log(`${scripts.length} RUN scripts; ${share(fast.length)} take the fast path; of the rest, ${rejected.length} are syntax errors for mvdan-sh`);
time('mvdan-sh alone', splitWithShellParser);
time('fast path, mvdan-sh for the rest', splitCommands);
const start = performance.now();
for (const script of fast) splitSimpleCommands(script);
console.log(`fast path alone on the scripts it takes: ${Math.round(performance.now() - start)} ms for ${fast.length} scripts`);
