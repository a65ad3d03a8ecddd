#!/usr/bin/env node
// Runs the bundled CLI (JSON report) over the real Dockerfiles in ../shared/corpus/real/dockerfiles/
// and prints: files scanned, crashes (a batch whose CLI run did not produce a report; must be 0),
// files that could not be checked with the reason given, and findings per rule. `--samples N` also
// prints N findings per rule (file:line and the line's text) for reading by hand.
// Usage: node scripts/corpus-report.mjs [--samples N] [--json] [--cli <dist/cli/index.js of a copy>]
// (--cli lets a long run use a copy of dist/ that a concurrent rebuild cannot pull from under it).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = join(root, '..', 'shared', 'corpus', 'real', 'dockerfiles');
// Files per CLI run: large enough to amortise loading the Wasm policy, small enough that a crash
// points at a short list.
const BATCH = 200;

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  }).sort();
}

/** Scans one batch; a run without a parseable report is a crash, reported with its stderr. */
function scanBatch(files, cli) {
  const run = spawnSync(process.execPath, [cli, 'scan', '--kind', 'dockerfile', '--format', 'json', '--fail-on', 'never', ...files], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 30,
  });
  try {
    if (run.status !== 0 && run.status !== 1) throw new Error(`exit ${run.status}`);
    return { report: JSON.parse(run.stdout) };
  } catch (error) {
    return { crash: { files, status: run.status, error: String(error), stderr: run.stderr.slice(0, 2000) } };
  }
}

export function runCorpus(cli = join(root, 'dist', 'cli', 'index.js')) {
  if (!existsSync(corpus)) return null;
  const files = listFiles(corpus).map((f) => relative(root, f));
  const crashes = [];
  const findings = [];
  const errors = [];
  const started = process.hrtime.bigint();
  for (let i = 0; i < files.length; i += BATCH) {
    const { report, crash } = scanBatch(files.slice(i, i + BATCH), cli);
    if (crash) crashes.push(crash);
    else { findings.push(...report.findings); errors.push(...report.errors); }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const perRule = new Map();
  for (const f of findings) perRule.set(f.ruleId, [...(perRule.get(f.ruleId) ?? []), f]);
  return { files: files.length, seconds, crashes, errors, findings, perRule };
}

function main() {
  const args = process.argv.slice(2);
  const samples = args.includes('--samples') ? Number(args[args.indexOf('--samples') + 1]) : 0;
  const result = runCorpus(args.includes('--cli') ? args[args.indexOf('--cli') + 1] : undefined);
  if (result === null) {
    console.log(`skipped: ${relative(root, corpus)} not found (the corpus is not checked out beside the repository)`);
    return;
  }
  const { files, seconds, crashes, errors, findings, perRule } = result;
  const filesWithFindings = new Set(findings.map((f) => f.path)).size;
  if (args.includes('--json')) {
    console.log(JSON.stringify({ files, seconds, crashes, errors, perRule: Object.fromEntries([...perRule].map(([id, l]) => [id, l.length])) }, null, 2));
    return;
  }
  console.log(`${files} files in ${seconds.toFixed(1)} s; ${findings.length} findings in ${filesWithFindings} files; ${crashes.length} crashes; ${errors.length} files not checked`);
  for (const c of crashes) console.log(`  CRASH (${c.error}) in a batch starting ${c.files[0]}: ${c.stderr}`);
  for (const e of errors) console.log(`  not checked: ${e.path}${e.line ? `:${e.line}` : ''} — ${e.message}`);
  console.log('\nrule     findings  files  title');
  for (const [id, list] of [...perRule].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(`${id.padEnd(8)} ${String(list.length).padStart(8)} ${String(new Set(list.map((f) => f.path)).size).padStart(6)}  ${list[0].title}`);
    // Spread the samples over the corpus rather than taking the first files alphabetically.
    const step = Math.max(1, Math.floor(list.length / Math.max(samples, 1)));
    for (let k = 0; k < samples && k * step < list.length; k++) {
      const f = list[k * step];
      const text = readFileSync(join(root, f.path), 'utf8').split(/\r?\n/)[f.startLine - 1] ?? '';
      console.log(`    ${f.path}:${f.startLine}  ${text.trim().slice(0, 110)}  — ${f.message.slice(0, 120)}`);
    }
  }
  if (crashes.length > 0) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
