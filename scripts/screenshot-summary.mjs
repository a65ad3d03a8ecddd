#!/usr/bin/env node
// Renders the job summary of a failing and a passing scan (files of examples/, through the
// bundled CLI's markdown format) to HTML and photographs it with headless Chromium, into
// docs/screenshots/. Needs `npm run build` first and a `chromium` on PATH (Debian: apt-get install
// chromium), or CHROMIUM=/path/to/chrome. CI does not run this; the PNGs are committed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderMarkdown, summaryPage } from './lib/gfm-lite.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromium = process.env.CHROMIUM ?? 'chromium';
const outDir = join(root, 'docs', 'screenshots');

/** The shots: what to scan and the expected exit status. Each is as tall as its page. */
const SHOTS = [
  { name: 'summary-fail', title: 'Job summary: a failing run', paths: ['examples/insecure'], status: 1 },
  { name: 'summary-pass', title: 'Job summary: a passing run', paths: ['examples/hardened/Dockerfile'], status: 0 },
];
const WIDTH = 1280;
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars'];

function chrome(args) {
  const run = spawnSync(chromium, [...FLAGS, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (run.error || run.status !== 0) {
    throw new Error(`${chromium} failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr}\nInstall it (Debian: apt-get install chromium fonts-noto-color-emoji) or set CHROMIUM.`);
  }
  return run.stdout;
}

/** The page's height at the screenshot width, which the page records in a data attribute on load. */
function pageHeight(url, profile) {
  const dom = chrome([`--user-data-dir=${profile}`, `--window-size=${WIDTH},800`, '--dump-dom', url]);
  const height = Number(/data-height="(\d+)"/.exec(dom)?.[1]);
  if (!Number.isFinite(height) || height <= 0) throw new Error(`could not measure ${url}`);
  return height;
}

function summaryOf(paths, expected) {
  const run = spawnSync(process.execPath, ['dist/cli/index.js', 'scan', ...paths, '--format', 'markdown', '--no-color'], { cwd: root, encoding: 'utf8' });
  if (run.status !== expected) {
    throw new Error(`scan ${paths.join(' ')} exited ${run.status} (expected ${expected}): ${run.stderr}`);
  }
  return run.stdout;
}

const scratch = mkdtempSync(join(tmpdir(), 'cpa-shots-'));
try {
  mkdirSync(outDir, { recursive: true });
  for (const shot of SHOTS) {
    const html = join(scratch, `${shot.name}.html`);
    writeFileSync(html, summaryPage(shot.title, renderMarkdown(summaryOf(shot.paths, shot.status))));
    const png = join(outDir, `${shot.name}.png`);
    const profile = mkdtempSync(join(scratch, 'profile-'));
    const url = pathToFileURL(html).href;
    const height = pageHeight(url, profile);
    chrome([`--user-data-dir=${profile}`, `--screenshot=${png}`, `--window-size=${WIDTH},${height}`, url]);
    console.log(`wrote ${png}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
