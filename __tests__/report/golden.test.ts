import { describe, it } from 'node:test';
import { toActionOutputs } from '../../src/report/action-outputs.js';
import { serializeJsonReport, toJsonReport } from '../../src/report/json-report.js';
import { renderSummary } from '../../src/report/summary-markdown.js';
import { renderText } from '../../src/report/text-report.js';
import { renderWorkflowCommands } from '../../src/report/workflow-commands.js';
import { cleanResult, hostileResult } from '../fixtures/report/scan-result.js';
import { assertGolden } from './golden.js';

const TOOL = { name: 'container-policy', version: '0.0.0-test' };
const CTX = {
  title: 'Container policy',
  headSha: '0123456789abcdef0123456789abcdef01234567',
  repoUrl: 'https://github.com/acme/shop',
  scope: 'files changed in pull request #7',
};

describe('golden outputs for a hostile run', () => {
  it('job summary markdown', () => assertGolden('summary.md', renderSummary(hostileResult, 'fail', CTX)));
  it('CLI text without colour', () => assertGolden('text.txt', renderText(hostileResult, 'fail', { color: false })));
  it('CLI text with colour', () => assertGolden('text-color.txt', renderText(hostileResult, 'fail', { color: true })));
  it('JSON report', () => assertGolden('report.json', serializeJsonReport(toJsonReport(hostileResult, 'fail', TOOL))));
  it('workflow commands', () => assertGolden('workflow-commands.txt', renderWorkflowCommands(hostileResult).join('\n') + '\n'));
  it('action outputs', () => assertGolden('outputs.json', JSON.stringify(toActionOutputs(hostileResult, 'fail'), null, 2) + '\n'));
});

describe('golden outputs for a clean run', () => {
  it('job summary markdown', () => assertGolden('summary-clean.md', renderSummary(cleanResult, 'pass', {})));
  it('CLI text', () => assertGolden('text-clean.txt', renderText(cleanResult, 'pass', { color: false })));
});
