import { describe, it } from 'node:test';
import { toActionOutputs } from '../../src/report/action-outputs.js';
import { planCheckRun } from '../../src/report/check-run.js';
import { serializeJsonReport, toJsonReport } from '../../src/report/json-report.js';
import { serializeSarif, toSarif } from '../../src/report/sarif.js';
import { renderSummary } from '../../src/report/summary-markdown.js';
import { renderText } from '../../src/report/text-report.js';
import { planWorkflowCommands } from '../../src/report/workflow-commands.js';
import { fixtureCatalogue, largeResult } from '../fixtures/report/large-result.js';
import { cleanResult } from '../fixtures/report/scan-result.js';
import { assertGolden } from './golden.js';

const TOOL = { name: 'container-policy', version: '0.0.0-test' };
const HEAD_SHA = '0123456789abcdef0123456789abcdef01234567';
const CTX = {
  title: 'Container policy',
  headSha: HEAD_SHA,
  repoUrl: 'https://github.com/acme/shop',
  scope: 'files changed in pull request #7',
  catalogue: fixtureCatalogue,
};
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

// 61 findings over seven files, both severities, hostile text (HTML, `::` commands, a 5,000-character line).
describe('golden outputs for a large hostile run', () => {
  const commands = planWorkflowCommands(largeResult);
  it('job summary markdown, annotated on a check run', () =>
    assertGolden('summary.md', renderSummary(largeResult, 'fail', { ...CTX, annotations: { mode: 'check-run', annotated: 64, notShown: 0, checkRunUrl: 'https://github.com/acme/shop/runs/42' } })));
  it('job summary markdown, fallen back to workflow commands, three frameworks', () =>
    assertGolden(
      'summary-fallback.md',
      renderSummary(largeResult, 'fail', {
        ...CTX,
        frameworks: ['cis-docker', 'nist-800-190', 'soc2'],
        annotations: { mode: 'workflow-commands', annotated: commands.shown, notShown: commands.notShown, reason: 'the token may not create check runs: HTTP 403 Resource not accessible by integration' },
        fullReport: 'the JSON report `reports/container-policy.json` (step output `json-report`)',
      }),
    ));
  it('check run requests (annotations in batches of 50)', () => assertGolden('check-run.json', json(planCheckRun(largeResult, 'fail', HEAD_SHA))));
  it('workflow commands', () => assertGolden('workflow-commands.txt', commands.lines.join('\n') + '\n'));
  it('SARIF', () => assertGolden('report.sarif', serializeSarif(toSarif(largeResult, fixtureCatalogue, TOOL))));
  it('JSON report', () => assertGolden('report.json', serializeJsonReport(toJsonReport(largeResult, 'fail', TOOL))));
  it('CLI text without colour', () => assertGolden('text.txt', renderText(largeResult, 'fail', { color: false })));
  it('CLI text with --fix', () => assertGolden('text-fix.txt', renderText(largeResult, 'fail', { color: false, fix: true })));
  it('CLI text with colour and --fix', () => assertGolden('text-color.txt', renderText(largeResult, 'fail', { color: true, fix: true })));
  it('action outputs', () => assertGolden('outputs.json', json(toActionOutputs(largeResult, 'fail'))));
});

describe('golden outputs for a clean run', () => {
  it('job summary markdown', () =>
    assertGolden('summary-clean.md', renderSummary(cleanResult, 'pass', { catalogue: fixtureCatalogue, annotations: { mode: 'check-run', annotated: 0, notShown: 0 } })));
  it('CLI text', () => assertGolden('text-clean.txt', renderText(cleanResult, 'pass', { color: false })));
  it('SARIF', () => assertGolden('report-clean.sarif', serializeSarif(toSarif(cleanResult, fixtureCatalogue, TOOL))));
});
