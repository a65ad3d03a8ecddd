import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// What deep YAML costs, before and after the nesting pre-scan: `node --import tsx fuzz/bench-nesting.ts`.
// Each hostile file (at most the default 2 MiB limit) is read in a child process of its own, once by
// the yaml library alone (what happened before the pre-scan) and once by `readComposeTree` (the
// pre-scan first); each child prints its time and its peak RSS.

const MIB = 1024 * 1024;
const n = MIB - 16;
const cases: Record<string, () => string> = {
  'flow sequences, 1M deep': () => `services: ${'['.repeat(n)}${']'.repeat(n)}\n`,
  'flow mappings, 420k deep': () => `services: ${'{a: '.repeat((2 * n) / 5 - 4)}1${'}'.repeat((2 * n) / 5 - 4)}\n`,
  'block mappings, 2,000 deep': () => 'services:\n' + Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n') + ' 1\n',
  'compact sequences `- - -`, 1M deep': () => `services:\n  a:\n    ${'- '.repeat(n)}x\n`,
  'sequences after a key `a: - - -` (invalid), 1M deep': () => `services:\n  a: ${'- '.repeat(n)}x\n`,
  // Shallow but dense: refused by the content-token limit (200,000) while it is lexed.
  'flow sequences `[],` 700k wide, 2 deep': () => `services: [${'[],'.repeat(n / 1.5 - 8)}[]]\n`,
  'commas `[,,,]` (invalid), 2M wide': () => `services: [${','.repeat(2 * n - 16)}]\n`,
  'anchors `&a &a …` (invalid), 700k': () => `services: ${'&a '.repeat((2 * n) / 3 - 8)}1\n`,
};

const child = `
  const { parseAllDocuments } = await import('yaml');
  const { readComposeTree } = await import(${JSON.stringify(fileURLToPath(new URL('../src/parse/compose.ts', import.meta.url)))});
  const { decodeText } = await import(${JSON.stringify(fileURLToPath(new URL('../src/parse/decode-text.ts', import.meta.url)))});
  const [mode, name] = process.argv.slice(-2);
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  const started = performance.now();
  let outcome = 'accepted';
  try {
    if (mode === 'parser') {
      const docs = Array.from(parseAllDocuments(text, { version: '1.2', merge: true, uniqueKeys: true }));
      const error = docs.flatMap((d) => d.errors)[0];
      if (error) outcome = 'error: ' + error.message.split('\\n')[0].slice(0, 60);
      else docs[0]?.toJS({ maxAliasCount: 10000 });
    } else {
      readComposeTree('compose.yaml', decodeText('compose.yaml', new TextEncoder().encode(text)));
    }
  } catch (e) { outcome = 'error: ' + String(e?.message ?? e).split('\\n')[0].slice(0, 60); }
  const ms = performance.now() - started;
  console.log(JSON.stringify({ ms, rssMiB: Math.round(process.resourceUsage().maxRSS / 1024), outcome }));
`;

console.log('| Input | Reader | Time | Peak RSS | Outcome |\n| --- | --- | --- | --- | --- |');
for (const [name, make] of Object.entries(cases)) {
  const text = make();
  for (const mode of ['parser', 'pre-scan']) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', child, mode, name], {
      input: text,
      encoding: 'utf8',
      maxBuffer: 16 * MIB,
      cwd: fileURLToPath(new URL('..', import.meta.url)),
    });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    let row = `exit ${run.status}: ${run.stderr.trim().split('\n').pop() ?? ''}`;
    try {
      const r = JSON.parse(line) as { ms: number; rssMiB: number; outcome: string };
      row = `${(r.ms / 1000).toFixed(2)} s | ${r.rssMiB} MiB | ${r.outcome.replace(/\|/g, '\\|')}`;
    } catch {
      /* the child died: its exit status and last stderr line say how */
    }
    console.log(`| ${name} (${(text.length / MIB).toFixed(2)} MiB) | ${mode === 'parser' ? 'yaml library alone (before)' : 'pre-scan, then the library (after)'} | ${row} |`);
  }
}
