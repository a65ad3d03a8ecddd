// `npm run bench`: measures the bundled action and CLI and prints one table (Markdown) with medians,
// ratios and targets. Sections: cold,full,opa,conftest,scaling (all by default); pick some with
// `npm run bench -- --only cold,full`. BENCH_DIST=<dir> measures another build of dist/.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { coldStart } from './cold-start.js';
import { fullScan } from './full-scan.js';
import { corpusFiles, corpusPresent, CORPUS_REAL, fingerprint } from './lib/corpus.js';
import { machineSpeedMs } from './lib/machine-speed.js';
import { RSS_METHOD } from './lib/measure.js';
import { renderTable, type Row } from './lib/table.js';
import { checkDist, CONFTEST, DIST, ensureTool, nodeVersion, OPA, pinnedVersion } from './lib/tools.js';
import { scaling } from './scaling.js';
import { conftestVersusCli, opaVersusWasm } from './side-by-side.js';

const SECTIONS = ['cold', 'full', 'opa', 'conftest', 'scaling'] as const;
const { values } = parseArgs({ options: { only: { type: 'string' }, repeats: { type: 'string' } } });
const only = new Set(values.only ? values.only.split(',') : SECTIONS);
const unknown = [...only].filter((s) => !(SECTIONS as readonly string[]).includes(s));
if (unknown.length > 0) throw new Error(`unknown section(s) ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`);
// Repetitions sized so the whole run takes a few minutes on a 2-core machine; medians throughout.
const repeats = Number(values.repeats ?? 5);

checkDist();
ensureTool(OPA, ['version']);
if (only.has('conftest')) ensureTool(CONFTEST, ['--version']);

const log = (text: string) => process.stderr.write(`${text}\n`);
const rows: Row[] = [];
const notes: string[] = [];
const files = corpusPresent() ? corpusFiles() : [];
const corpusNote = files.length > 0 ? `${CORPUS_REAL}: ${files.length} files, fingerprint ${fingerprint(files)}` : `${CORPUS_REAL} is absent: corpus sections skipped`;

const section = async (name: (typeof SECTIONS)[number], needsCorpus: boolean, run: () => Promise<Row[]>) => {
  if (!only.has(name)) return;
  if (needsCorpus && files.length === 0) {
    notes.push(`section ${name} skipped: the corpus ${CORPUS_REAL} is not there`);
    return;
  }
  log(`bench: ${name}…`);
  const started = Date.now();
  rows.push(...(await run()));
  log(`bench: ${name} done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
};

const speedBefore = await machineSpeedMs();
await section('cold', false, () => coldStart(Math.max(repeats, 7)));
await section('full', true, () => fullScan(files, Math.max(1, Math.ceil(repeats / 2))));
await section('opa', true, () => opaVersusWasm(files, Math.max(1, Math.ceil(repeats / 2))));
await section('conftest', true, () => conftestVersusCli(files, Math.max(1, Math.ceil(repeats / 2))));
await section('scaling', false, () => scaling(Math.max(1, Math.ceil(repeats / 2))));

const speedAfter = await machineSpeedMs();
console.log(renderTable(rows));
console.log('');
console.log(`- date: ${new Date().toISOString()}; ${cpus().length} CPU(s) (${cpus()[0]?.model ?? 'unknown'}); load average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`- machine speed: a fixed CPU-bound workload on every core (bench/lib/machine-speed.ts) took ${speedBefore} ms before the sections and ${speedAfter} ms after (lower is faster); compare runs made at like figures`);
console.log(`- node ${nodeVersion()} (the action's runtime); bundle under test: ${DIST}`);
console.log(`- OPA ${pinnedVersion('opa', 'github.com/open-policy-agent/opa')} (tools/opa), conftest ${pinnedVersion('conftest', 'github.com/open-policy-agent/conftest')} (tools/conftest)`);
console.log(`- corpus: ${corpusNote}`);
console.log(`- peak RSS: ${RSS_METHOD}`);
for (const note of notes) console.log(`- ${note}`);
if (rows.some((r) => r.ok === false)) console.log('- rows marked MISSED are below target (figures, not a test: the exit status stays 0)');
