import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rollUpCompliance } from '../../src/report/compliance-rollup.js';
import { renderSummary } from '../../src/report/summary-markdown.js';
import { fixtureCatalogue, largeResult } from '../fixtures/report/large-result.js';
import { makeFinding } from '../fixtures/report/scan-result.js';

describe('rollUpCompliance with the catalogue', () => {
  const files = [{ path: 'a/Dockerfile', kind: 'dockerfile' as const }, { path: 'b/Dockerfile', kind: 'dockerfile' as const }];

  it('fails controls with findings, passes those its rules checked clean, and claims nothing for unchecked kinds', () => {
    const [cis] = rollUpCompliance({ findings: [makeFinding({ path: 'a/Dockerfile' })], files, errors: [], catalogue: fixtureCatalogue, frameworks: ['cis-docker'] });
    const status = Object.fromEntries((cis?.controls ?? []).map((c) => [c.controlId, c.status]));
    assert.equal(status['5.28'], 'failed'); // CPD001 fired
    assert.equal(status['4.1'], 'passed'); // CPD010 ran on both Dockerfiles
    assert.equal(status['5.5'], 'not-checked'); // a compose rule, and no compose file was checked
    assert.deepEqual(cis?.controls.find((c) => c.controlId === '4.1')?.paths, ['a/Dockerfile', 'b/Dockerfile']);
  });

  it('does not count a file that could not be parsed as checked', () => {
    const [cis] = rollUpCompliance({ findings: [], files: files.slice(0, 1), errors: [{ kind: 'parse', path: 'a/Dockerfile', message: 'x' }], catalogue: fixtureCatalogue });
    assert.ok(cis?.controls.every((c) => c.status === 'not-checked'));
  });

  it('shows only the selected frameworks, in report order', () => {
    const ids = rollUpCompliance({ findings: largeResult.findings, catalogue: fixtureCatalogue, frameworks: ['soc2', 'cis-docker'] }).map((f) => f.id);
    assert.deepEqual(ids, ['cis-docker', 'soc2']);
  });

  it('counts suppressed findings against their controls without failing them', () => {
    const suppressed = [{ finding: makeFinding({ compliance: { soc2: ['CC6.6'] } }), by: 'comment' as const, reason: 'r', source: 'a:1' }];
    const [soc2] = rollUpCompliance({ findings: [], files, suppressed, catalogue: fixtureCatalogue, frameworks: ['soc2'] });
    const control = soc2?.controls.find((c) => c.controlId === 'CC6.6');
    assert.equal(control?.suppressed, 1);
    assert.notEqual(control?.status, 'failed');
  });
});

describe('renderSummary sections', () => {
  const md = renderSummary(largeResult, 'fail', { catalogue: fixtureCatalogue, frameworks: ['cis-docker'] });

  it('lists passed and failed controls with a tally per framework', () => {
    assert.match(md, /#### CIS Docker Benchmark v1\.6\.0 · 5 failed, 2 passed\n/);
    assert.match(md, /\| 4\.6 \| HEALTHCHECK instructions have been added to container images \| ✅ passed \| <code>CPD050<\/code> \| 7 files checked, nothing found \|/);
    assert.doesNotMatch(md, /#### SOC 2/);
  });

  it('lists suppressed findings with their reasons, escaped', () => {
    assert.match(md, /\| inline comment \| throwaway &lt;i&gt;tooling&lt;\/i&gt; image &#124; rebuilt daily \|/);
  });

  it('shows notices, escaped', () => {
    assert.match(md, /- 2 files matched no pattern and were skipped: &lt;docs\/Dockerfile\.md&gt;\n/);
  });

  it('says how many findings were not shown inline when annotations fell back', () => {
    const note = { mode: 'workflow-commands' as const, annotated: 19, notShown: 45, reason: 'HTTP 403 <b>' };
    const out = renderSummary(largeResult, 'fail', { annotations: note, fullReport: 'the JSON report `r.json`' });
    assert.match(out, /\*\*45 findings not shown inline\.\*\* No check run could be created \(HTTP 403 &lt;b&gt;\)/);
    assert.match(out, /19 shown\. Every finding is listed below under Findings and in the JSON report `r\.json`/);
  });

  it('says which findings a check run could not annotate, rather than that every one is', () => {
    const out = renderSummary(largeResult, 'fail', { annotations: { mode: 'check-run', annotated: 62, notShown: 2 }, fullReport: 'the JSON report `r.json`' });
    assert.doesNotMatch(out, /Every finding is annotated/);
    assert.match(out, /62 annotations on the check run\.\n\n> \[!WARNING\]\n> \*\*2 findings not shown inline:\*\* their file names are not valid Unicode/);
  });

  it('links the check run only when its URL is a plain http(s) URL', () => {
    const link = (checkRunUrl: string) => renderSummary(largeResult, 'fail', { annotations: { mode: 'check-run', annotated: 1, notShown: 0, checkRunUrl } });
    assert.match(link('https://github.com/o/r/runs/1'), /\[the check run\]\(https:\/\/github\.com\/o\/r\/runs\/1\)/);
    assert.match(link('javascript:alert(1)) [x](y'), /on the check run\./);
  });
});
