import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding, ScanResult } from '../../src/model.js';
import { JOB_SUMMARY_MAX_BYTES, SUMMARY_BYTE_BUDGET } from '../../src/report/limits.js';
import { escapeMarkdown } from '../../src/report/markdown-escape.js';
import { MAX_FILES_PER_CONTROL, renderSummary } from '../../src/report/summary-markdown.js';
import { makeFinding } from '../fixtures/report/scan-result.js';

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
const result = (findings: readonly Finding[], errors: ScanResult['errors'] = []): ScanResult => ({ files: [], findings, errors });
const findingRows = (md: string): string[] => md.split('\n').filter((l) => /^\| [^|]+ \| (deny|warn) \| <code>/.test(l));
/** Pipes that split cells: the raw `|` characters left in a line. */
const cellCount = (line: string): number => line.split('|').length - 2;

describe('escapeMarkdown', () => {
  it('turns HTML, table and code-span characters into references', () => {
    assert.equal(escapeMarkdown(`<b a="1">'x' & y | \`z\``), '&lt;b a=&quot;1&quot;&gt;&#39;x&#39; &amp; y &#124; &#96;z&#96;');
  });
  it('neutralises link, emphasis and escape syntax', () => {
    assert.equal(escapeMarkdown('[a](b) *c* _d_ ~e~ \\'), '&#91;a&#93;(b) &#42;c&#42; &#95;d&#95; &#126;e&#126; &#92;');
  });
  it('keeps a value on one line and drops control characters', () => {
    assert.equal(escapeMarkdown('a\r\nb\nc\u0007\u001b'), 'a<br>b<br>c');
  });
});

describe('renderSummary', () => {
  it('puts the verdict and counts first', () => {
    const md = renderSummary(result([makeFinding(), makeFinding({ severity: 'warn' })]), 'fail', {});
    const lines = md.split('\n');
    assert.equal(lines[0], '## Container policy');
    assert.equal(lines[2], '**Verdict: ❌ fail** · 1 denial · 1 warning · 0 errors · 0 files checked');
    assert.ok(md.indexOf('| deny | 1 |') < md.indexOf('### Findings'));
  });

  it('keeps hostile values inside their cells', () => {
    const f = makeFinding({ message: 'a | b `c` <script>x</script>\n| d |', path: 'p|q`r`.Dockerfile', remediation: '`` ` ``' });
    const md = renderSummary(result([f]), 'fail', {});
    const [row] = findingRows(md);
    assert.ok(row);
    assert.equal(cellCount(row), 5);
    assert.doesNotMatch(md, /<script>|`/);
  });

  it('links locations to the exact lines when the commit and repository are known', () => {
    const f = makeFinding({ path: 'svc (old)/Docker file', startLine: 3, endLine: 5 });
    const md = renderSummary(result([f]), 'fail', { headSha: 'abcdef1', repoUrl: 'https://github.com/o/r/' });
    assert.ok(md.includes('| [3-5](https://github.com/o/r/blob/abcdef1/svc%20%28old%29/Docker%20file#L3-L5) | deny |'));
    assert.ok(md.includes('#### [<code>svc (old)/Docker file</code>](https://github.com/o/r/blob/abcdef1/svc%20%28old%29/Docker%20file) · 1 denial'));
  });

  it('shows plain locations when the link parts are missing or malformed', () => {
    for (const ctx of [{}, { headSha: 'abcdef1' }, { headSha: 'main)x', repoUrl: 'https://github.com/o/r' }, { headSha: 'abcdef1', repoUrl: 'javascript:alert(1)' }]) {
      const md = renderSummary(result([makeFinding()]), 'fail', ctx);
      assert.doesNotMatch(md, /\]\(/, JSON.stringify(ctx));
      assert.ok(md.includes('#### <code>app/Dockerfile</code> · 1 denial\n'));
      assert.ok(md.includes('| 1 | deny | <code>CPD001</code>'));
    }
  });

  it('lists every control a finding touches with the rules and files that failed it', () => {
    const md = renderSummary(result([makeFinding({ compliance: { soc2: ['CC6.1'], 'cis-docker': ['5.5', '4.1'] } })]), 'fail', {});
    assert.ok(md.indexOf('#### CIS Docker Benchmark v1.6.0') < md.indexOf('#### SOC 2 (suggested mapping)'));
    assert.ok(md.indexOf('| 4.1 |') < md.indexOf('| 5.5 |'));
    assert.ok(md.includes('| CC6.1 | Logical access security and least privilege | ❌ failed (deny) | <code>CPD001</code> | app/Dockerfile |'));
  });

  it('lists at most MAX_FILES_PER_CONTROL files per control and says how many more', () => {
    const findings = Array.from({ length: MAX_FILES_PER_CONTROL + 3 }, (_, i) => makeFinding({ path: `f${String(i).padStart(2, '0')}/Dockerfile` }));
    const md = renderSummary(result(findings), 'fail', {});
    assert.ok(md.includes('<br>… and 3 more files |'));
  });
});

describe('renderSummary size budget', () => {
  // No compliance mapping, so the findings table is the only thing to cut.
  const many = (n: number, size = 200): Finding[] =>
    Array.from({ length: n }, (_, i) => makeFinding({ path: `d${String(i).padStart(5, '0')}/Dockerfile`, message: 'é'.repeat(size), compliance: {} }));

  it('is unchanged when the document fits exactly', () => {
    const r = result(many(40));
    const full = renderSummary(r, 'fail', { maxBytes: Number.MAX_SAFE_INTEGER });
    const atBoundary = renderSummary(r, 'fail', { maxBytes: bytes(full) });
    assert.equal(atBoundary, full);
    assert.doesNotMatch(full, /not shown/);
  });

  it('cuts rows one byte past the boundary, stays within budget and says how many went', () => {
    const r = result(many(40));
    const full = renderSummary(r, 'fail', { maxBytes: Number.MAX_SAFE_INTEGER });
    const budget = bytes(full) - 1;
    const cut = renderSummary(r, 'fail', { maxBytes: budget });
    assert.ok(bytes(cut) <= budget);
    const shown = findingRows(cut);
    const omitted = Number(/_(\d+) findings? not shown/.exec(cut)?.[1]);
    assert.ok(omitted >= 1);
    assert.equal(shown.length + omitted, 40);
    assert.deepEqual(shown, findingRows(full).slice(0, shown.length));
    assert.match(cut, /Everything is in the JSON report/);
  });

  it('never exceeds the budget as it shrinks', () => {
    const r = result(many(30), [{ kind: 'parse', path: 'x', message: 'bad' }]);
    const full = bytes(renderSummary(r, 'fail', { maxBytes: Number.MAX_SAFE_INTEGER }));
    for (let budget = full; budget > full - 9_000; budget -= 97) {
      assert.ok(bytes(renderSummary(r, 'fail', { maxBytes: budget })) <= budget, `budget ${budget}`);
    }
  });

  it('keeps error rows longer than finding rows', () => {
    const errors = [{ kind: 'parse' as const, path: 'broken.yaml', message: 'bad' }];
    const r = result(many(20), errors);
    const full = renderSummary(r, 'fail', { maxBytes: Number.MAX_SAFE_INTEGER });
    const cut = renderSummary(r, 'fail', { maxBytes: bytes(full) - 5_000 });
    assert.ok(cut.includes('| parse | broken.yaml | bad |'));
    assert.ok(findingRows(cut).length < 20);
  });

  it('cuts compliance rows before findings', () => {
    const r = result([makeFinding({ compliance: { soc2: ['CC6.1', 'CC6.6'] } })]);
    const full = renderSummary(r, 'fail', { maxBytes: Number.MAX_SAFE_INTEGER });
    const cut = renderSummary(r, 'fail', { maxBytes: bytes(full) - 1 });
    assert.equal(findingRows(cut).length, 1);
    assert.match(cut, /_\d controls? not shown/);
    assert.ok(bytes(cut) < bytes(full));
  });

  it('stays under GitHub’s 1 MiB limit with the default budget', () => {
    const r = result(many(1_500, 1_000));
    const md = renderSummary(r, 'fail');
    assert.ok(bytes(md) <= SUMMARY_BYTE_BUDGET);
    assert.ok(SUMMARY_BYTE_BUDGET < JOB_SUMMARY_MAX_BYTES);
    assert.match(md, /_\d[\d,]* findings not shown: this summary is kept under 1,000,000 bytes/);
  });
});
