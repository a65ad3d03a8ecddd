#!/usr/bin/env node
// Accuracy against labelled samples (../shared/corpus/labelled/kics/labels.jsonl): each sample whose
// query maps to one of our rules (through the rule's `aliases.kics`) is scanned with the bundled CLI;
// a positive must get the rule's finding on every expected line, a negative must get none. Prints
// recall, precision and line agreement per query and overall; samples we knowingly disagree with
// are listed, with the reason, from __tests__/accuracy/disagreements*.json.
// Usage: node scripts/accuracy.mjs [--platform dockerfile|dockercompose] [--json]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = join(root, '..', 'shared', 'corpus');
const labelsFile = join(corpus, 'labelled', 'kics', 'labels.jsonl');
const KIND = { dockerfile: 'dockerfile', dockercompose: 'compose' };

export function loadLabels() {
  if (!existsSync(labelsFile)) return null;
  return readFileSync(labelsFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

/** KICS query id -> our rule ids, from the catalogue's aliases. */
export function kicsMap(catalogue) {
  const map = new Map();
  for (const rules of Object.values(catalogue)) {
    for (const rule of Object.values(rules)) {
      for (const id of rule.aliases?.kics ?? []) map.set(id, [...(map.get(id) ?? []), rule.id]);
    }
  }
  return map;
}

function scan(kind, files) {
  const cli = join(root, 'dist', 'cli', 'index.js');
  const run = spawnSync(process.execPath, [cli, 'scan', '--kind', kind, '--format', 'json', '--fail-on', 'never', ...files], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  // 1 means some file could not be checked; those count per sample below.
  if ((run.status !== 0 && run.status !== 1) || run.stdout === '') throw new Error(`CLI exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** Scores every mapped sample; pure apart from running the CLI. */
export function measure(platforms = Object.keys(KIND)) {
  const labels = loadLabels();
  if (labels === null) return null;
  const catalogue = JSON.parse(readFileSync(join(root, 'dist', 'policy', 'catalogue.json'), 'utf8'));
  // Every disagreements*.json (one per platform's rules), merged: sample path -> reason.
  const reviewedDir = join(root, '__tests__', 'accuracy');
  const disagreements = Object.assign({}, ...readdirSync(reviewedDir).filter((f) => /^disagreements.*\.json$/.test(f)).sort()
    .map((f) => JSON.parse(readFileSync(join(reviewedDir, f), 'utf8'))));
  const map = kicsMap(catalogue);
  const samples = labels.filter((row) => platforms.includes(row.platform));
  const mapped = samples.filter((row) => map.has(row.query_id));
  const unmapped = [...new Set(samples.filter((row) => !map.has(row.query_id)).map((row) => row.query))];
  const results = [];
  for (const platform of platforms) {
    const rows = mapped.filter((row) => row.platform === platform);
    if (rows.length === 0) continue;
    const files = rows.map((row) => relative(root, join(corpus, row.file)));
    const report = scan(KIND[platform], [...new Set(files)]);
    rows.forEach((row, i) => {
      const rules = map.get(row.query_id);
      const ours = report.findings.filter((f) => f.path === files[i] && rules.includes(f.ruleId));
      const errors = report.errors.filter((e) => e.path === files[i]);
      const lines = new Set(ours.flatMap((f) => range(f.startLine, f.endLine)));
      const starts = platform === 'dockerfile' ? instructionStarts(readFileSync(join(corpus, row.file), 'utf8')) : [];
      // KICS reports a RUN by its first line; we report the line of the command inside it.
      const agrees = (line) => lines.has(line) || [...lines].some((ours) => starts[ours] === line);
      const missingLines = row.expected_lines.filter((line) => !agrees(line));
      const ok = row.label === 'positive' ? ours.length > 0 && missingLines.length === 0 : ours.length === 0;
      results.push({
        query: row.query, rules, file: row.file, label: row.label, ok, errors: errors.length,
        fired: ours.length > 0, lineAgreement: row.label === 'positive' ? missingLines.length === 0 : null,
        ourLines: [...new Set(ours.map((f) => f.startLine))], expected: row.expected_lines,
        reason: disagreements[row.file] ?? null,
      });
    });
  }
  return { results, unmapped };
}

/**
 * For each 1-based line, the first line of the instruction it belongs to: lines ending in `\` and
 * heredoc bodies continue an instruction. Only used to compare line numbers, so the default escape
 * character is enough.
 */
export function instructionStarts(text) {
  const starts = [0];
  let start = null;
  let heredoc = null;
  text.split(/\r?\n/).forEach((line, i) => {
    const n = i + 1;
    if (heredoc !== null) {
      starts[n] = start;
      if (line.replace(/^\t+/, '') === heredoc) { heredoc = null; start = null; }
      return;
    }
    // Blank and comment lines inside a continuation are skipped by the Dockerfile parser.
    if (line.trim() === '' || line.trimStart().startsWith('#')) { starts[n] = start ?? n; return; }
    if (start === null) start = n;
    starts[n] = start;
    const opened = /<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/.exec(line);
    if (opened) heredoc = opened[1];
    else if (!/\\\s*$/.test(line)) start = null;
  });
  return starts;
}

const range = (a, b) => Array.from({ length: b - a + 1 }, (_, k) => a + k);
const pct = (n, d) => (d === 0 ? 100 : (100 * n) / d);

/** Recall, precision and line agreement over a list of results. */
export function score(results) {
  const pos = results.filter((r) => r.label === 'positive');
  const neg = results.filter((r) => r.label === 'negative');
  const tp = pos.filter((r) => r.fired).length;
  const fp = neg.filter((r) => r.fired).length;
  return {
    samples: results.length,
    recall: pct(tp, pos.length),
    precision: pct(tp, tp + fp),
    lines: pct(pos.filter((r) => r.fired && r.lineAgreement).length, tp),
  };
}

/**
 * The results left once the samples whose KICS label we reviewed and reject (a reason recorded in
 * disagreements.json, and we still disagree) are set aside: the figures a reviewer accepting those
 * reasons would get. An unexplained miss is never set aside.
 */
export function agreed(results) {
  return results.filter((r) => r.ok || r.reason === null);
}

function main() {
  const args = process.argv.slice(2);
  const platformArg = args.indexOf('--platform');
  const platforms = platformArg >= 0 ? [args[platformArg + 1]] : Object.keys(KIND);
  const measured = measure(platforms);
  if (measured === null) {
    console.log(`skipped: ${relative(root, labelsFile)} not found (the labelled corpus is not checked out beside the repository)`);
    return;
  }
  const { results, unmapped } = measured;
  if (args.includes('--json')) {
    console.log(JSON.stringify({ overall: score(results), reviewed: score(agreed(results)), results, unmapped }, null, 2));
    return;
  }
  const byQuery = new Map();
  for (const r of results) {
    const key = `${r.query} (${r.rules.join(',')})`;
    byQuery.set(key, [...(byQuery.get(key) ?? []), r]);
  }
  console.log('query (rule)'.padEnd(72), 'n'.padStart(3), 'recall'.padStart(7), 'precision'.padStart(10), 'lines'.padStart(7));
  for (const [query, rows] of [...byQuery].sort()) {
    const s = score(rows);
    console.log(query.padEnd(72), String(s.samples).padStart(3), s.recall.toFixed(0).padStart(7), s.precision.toFixed(0).padStart(10), s.lines.toFixed(0).padStart(7));
  }
  const overall = score(results);
  console.log(`\noverall against the KICS labels: ${overall.samples} samples, recall ${overall.recall.toFixed(1)}%, precision ${overall.precision.toFixed(1)}%, line agreement ${overall.lines.toFixed(1)}%`);
  const reviewed = score(agreed(results));
  console.log(`overall without the reviewed disagreements below: ${reviewed.samples} samples, recall ${reviewed.recall.toFixed(1)}%, precision ${reviewed.precision.toFixed(1)}%, line agreement ${reviewed.lines.toFixed(1)}%`);
  const misses = results.filter((r) => !r.ok);
  console.log(`\n${misses.length} disagreement(s):`);
  for (const r of misses) {
    console.log(`  ${r.label} ${r.file}: expected ${r.label === 'positive' ? `lines ${r.expected.join(',')}` : 'nothing'}, got ${r.ourLines.join(',') || 'nothing'}${r.errors ? ' (file had errors)' : ''} — ${r.reason ?? 'UNEXPLAINED'}`);
  }
  const stale = results.filter((r) => r.ok && r.reason !== null);
  for (const r of stale) console.log(`  stale reason (we now agree): ${r.file}`);
  console.log(`\nKICS queries with no rule mapped: ${unmapped.join(', ') || 'none'}`);
  if (misses.some((r) => r.reason === null)) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
