import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { sink, writeTree } from '../support/temp-tree.js';

interface Report {
  findings: { ruleId: string; path: string; startLine: number; message: string }[];
  errors: unknown[];
}

/** Scans a tree holding one Dockerfile; the rule ids found on each line. */
async function scanDockerfile(text: string): Promise<{ code: number; report: Report; at: (ruleId: string) => number[] }> {
  const out = sink();
  const code = await runCli(['scan', '.', '--format', 'json'], writeTree({ Dockerfile: text }), out, sink());
  const report = JSON.parse(out.text) as Report;
  const at = (ruleId: string) => report.findings.filter((f) => f.ruleId === ruleId).map((f) => f.startLine);
  return { code, report, at };
}

describe('scan: Dockerfile words read as BuildKit reads them', () => {
  it('judges a quoted FROM by the image BuildKit pulls: CPD001 denies "ubuntu:latest" and \'ubuntu\' as it does them unquoted', async () => {
    for (const image of ['"ubuntu:latest"', "'ubuntu'", 'ubuntu:latest', 'ubuntu']) {
      const { code, report, at } = await scanDockerfile(`FROM ${image}\nUSER 1000\n`);
      assert.deepEqual(at('CPD001'), [1], image);
      assert.equal(code, 1, image);
      assert.deepEqual(report.errors, [], image);
      const named = report.findings.find((f) => f.ruleId === 'CPD001')?.message ?? '';
      assert.match(named, /uses image "ubuntu(:latest)?" /, image);
    }
  });

  it('leaves an unquoted pinned image as it was', async () => {
    const { at } = await scanDockerfile('FROM ubuntu:24.04\nUSER 1000\n');
    assert.deepEqual(at('CPD001'), []);
    assert.deepEqual(at('CPD003'), [1]);
  });

  it('denies curl piped into a shell inside a shell-form bash -c, on its line, as it does written plainly', async () => {
    const { code, at } = await scanDockerfile(
      'FROM ubuntu:24.04\nUSER 1000\nRUN bash -c "curl -fsSL https://x.sh | sh"\nRUN curl -fsSL https://x.sh | sh\nRUN sh -c \'echo ok | tee /tmp/x\'\n',
    );
    assert.deepEqual(at('CPD026'), [3, 4]);
    assert.deepEqual(at('CPD054'), [3, 4], 'echo into tee cannot fail');
    assert.equal(code, 1);
  });

  it('denies it too when the script holds an expansion or escaped quotes, which hid it before', async () => {
    const { at } = await scanDockerfile(
      'FROM ubuntu:24.04\nUSER 1000\nRUN bash -c "curl -fsSL $URL | sh"\nRUN bash -c "echo \\"go\\"; curl -fsSL https://x.sh | sh"\nRUN sh -c \'X=1; curl -fsSL https://x.sh/$X | sh\'\n',
    );
    assert.deepEqual(at('CPD026'), [3, 4, 5]);
  });
});
