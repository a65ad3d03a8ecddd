// Prints how long discovery's pure steps take on a large monorepo listing: the include/exclude
// scope (@actions/glob semantics), classification, and compose project grouping.
// Run: node --import tsx bench/discover.bench.ts
import { performance } from 'node:perf_hooks';
import { discoverTargets } from '../src/discover/discover-targets.js';
import { DEFAULT_PATTERNS } from '../src/discover/file-patterns.js';
import { parseNameStatus } from '../src/git/name-status.js';

const PATHS = 200_000;
const paths: string[] = [];
for (let i = 0; i < PATHS; i++) {
  const dir = `packages/p${i % 2000}/${i % 7 === 0 ? '.devcontainer' : 'src'}/m${i % 13}`;
  paths.push(i % 50 === 0 ? `${dir}/Dockerfile` : i % 97 === 0 ? `${dir}/compose.yaml` : `${dir}/file${i}.ts`);
}
const noApi = {
  listPullRequestFiles: async () => [],
  compareCommits: async () => [],
};

const start = performance.now();
const found = await discoverTargets(
  { name: 'workflow_dispatch', owner: 'o', repo: 'r' },
  { patterns: DEFAULT_PATTERNS, scan: 'all', scope: { include: ['packages/**', '!packages/p1*/**'], exclude: ['**/.devcontainer'] } },
  { api: noApi, listWorkspace: async () => paths },
);
const scanMs = performance.now() - start;

const nameStatus = paths.map((p, i) => (i % 10 === 0 ? `R100\0old/${p}\0${p}\0` : `M\0${p}\0`)).join('');
const parseStart = performance.now();
const entries = parseNameStatus(nameStatus);
const parseMs = performance.now() - parseStart;

console.log(`full scan of ${PATHS.toLocaleString('en')} paths with include/exclude: ${scanMs.toFixed(0)} ms, ${found.files.length} files selected`);
console.log(`git diff --name-status -z of ${entries.length.toLocaleString('en')} entries parsed in ${parseMs.toFixed(0)} ms`);
console.log(`heap used: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MiB`);
