import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScanResult } from '../../src/model.js';
import { escapeData, escapeProperty, planNotices, planWorkflowCommands, renderWorkflowCommands } from '../../src/report/workflow-commands.js';
import { makeFinding } from '../fixtures/report/scan-result.js';

interface ParsedCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
}

/** Reads a line the way the Actions runner does: `::name k=v,k=v::data`, then unescapes. */
function parseLine(line: string): ParsedCommand | undefined {
  const trimmed = line.trimStart();
  if (!trimmed.startsWith('::')) return undefined;
  const end = trimmed.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = trimmed.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info.slice(space + 1).split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), true);
    }
  }
  return { command, properties, data: unescape(trimmed.slice(end + 2), false) };
}

function unescape(value: string, property: boolean): string {
  let out = value.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
  if (property) out = out.replace(/%3A/g, ':').replace(/%2C/g, ',');
  return out.replace(/%25/g, '%');
}

const result = (findings: ScanResult['findings'], errors: ScanResult['errors'] = []): ScanResult => ({ files: [], findings, errors });

describe('escaping', () => {
  it('escapes data like the toolkit: %, CR, LF', () => {
    assert.equal(escapeData('100% done\r\nnext: a,b'), '100%25 done%0D%0Anext: a,b');
  });
  it('escapes properties additionally for : and ,', () => {
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
  });
  it('escapes % first, so an already-escaped sequence survives as text', () => {
    assert.equal(escapeData('%0A'), '%250A');
  });
});

describe('renderWorkflowCommands', () => {
  it('renders a denial as an error with file, lines and title, and a warn as a warning', () => {
    const lines = renderWorkflowCommands(
      result([makeFinding({ path: 'a/Dockerfile', startLine: 3, endLine: 3 }), makeFinding({ severity: 'warn', path: 'b/Dockerfile' })]),
    );
    assert.equal(
      lines[0],
      '::error file=a/Dockerfile,line=3,endLine=3,title=CPD001 Image uses latest tag::FROM nginx:latest uses a mutable tag — Fix: Pin the image to a version tag or a digest.',
    );
    assert.match(lines[1] ?? '', /^::warning file=b\/Dockerfile,/);
  });

  it('keeps injection attempts inside one command', () => {
    const message = 'bad\n::set-output name=x::y\r\n::add-mask::secret';
    const path = 'x,line=99::/::error::Dockerfile';
    const lines = renderWorkflowCommands(result([makeFinding({ message, path, title: 'T:,\nx' })]));
    assert.equal(lines.length, 1);
    const line = lines[0] ?? '';
    assert.doesNotMatch(line, /[\r\n]/);
    const parsed = parseLine(line);
    assert.ok(parsed);
    assert.equal(parsed.command, 'error');
    assert.equal(parsed.properties.file, path);
    assert.equal(parsed.properties.line, '1');
    assert.equal(parsed.properties.title, 'CPD001 T:,\nx');
    // Line breaks are normalised to LF before escaping; the text is otherwise intact.
    assert.equal(parsed.data, `${message.replace('\r\n', '\n')} — Fix: Pin the image to a version tag or a digest.`);
  });

  it('strips terminal escapes from annotations', () => {
    const [line] = renderWorkflowCommands(result([makeFinding({ message: 'a\u001b[2Jb\u202Ec' })]));
    assert.ok(line?.includes('a[2Jbc'));
  });

  it('names the file exactly as it is, whatever characters its name holds', () => {
    // Cleaning "c\u202Ed/Dockerfile" gave "cd/Dockerfile": another file, which may well exist.
    const paths = ['c\u202Ed/Dockerfile', 'a\tb/Dockerfile', 'a\u001b[31mb/Dockerfile', 'a\nb\r/Dockerfile', 'x\u2028y/Dockerfile', '%0A,:=/Dockerfile'];
    const lines = renderWorkflowCommands(result(paths.map((path) => makeFinding({ path })), [{ kind: 'parse', path: 'e\u200Ff/compose.yaml', line: 2, message: 'bad' }]));
    assert.ok(lines.every((l) => !/[\r\n]/.test(l)));
    assert.deepEqual(lines.map((l) => parseLine(l)?.properties.file).sort(), [...paths, 'e\u200Ff/compose.yaml'].sort());
  });

  it('annotates without a file, naming it in the message, when the path cannot be written as it is', () => {
    // A lone surrogate would reach GitHub as U+FFFD, the name of some other file.
    const [error, finding] = renderWorkflowCommands(
      result([makeFinding({ path: 'x\uD800\u202E/Dockerfile', startLine: 3, endLine: 4 })], [{ kind: 'read', path: 'y\uDC00/Dockerfile', message: 'gone' }]),
    );
    const e = parseLine(error ?? '');
    assert.equal(e?.properties.file, undefined);
    assert.equal(e?.properties.title, 'Could not check file (read error)');
    assert.equal(e?.data, 'In file "y\\uDC00/Dockerfile": gone');
    const f = parseLine(finding ?? '');
    assert.deepEqual(Object.keys(f?.properties ?? {}), ['title']);
    assert.match(f?.data ?? '', /^In file "x\\uD800\\u202E\/Dockerfile", lines 3-4: FROM nginx:latest/);
  });

  it('renders file-level errors with file and line, and run-wide ones as a bare ::error::', () => {
    const lines = renderWorkflowCommands(
      result([], [{ kind: 'parse', path: 'c.yaml', line: 4, message: 'bad' }, { kind: 'config', message: 'no policies' }, { kind: 'read', path: 'd', message: 'gone' }]),
    );
    assert.deepEqual(lines, [
      '::error::Container policy check could not run (config error): no policies',
      '::error file=c.yaml,line=4,title=Could not check file (parse error)::bad',
      '::error file=d,title=Could not check file (read error)::gone',
    ]);
  });

  it('stops at the per-step limits and says how many were left out', () => {
    const deny = Array.from({ length: 12 }, (_, i) => makeFinding({ startLine: i + 1, endLine: i + 1 }));
    const warn = Array.from({ length: 11 }, (_, i) => makeFinding({ severity: 'warn', startLine: i + 1, endLine: i + 1 }));
    const lines = renderWorkflowCommands(result([...warn, ...deny], [{ kind: 'policy', message: 'x' }]));
    assert.equal(lines.filter((l) => l.startsWith('::error')).length, 9);
    assert.equal(lines.filter((l) => l.startsWith('::warning')).length, 10);
    assert.equal(lines[0], '::error::Container policy check could not run (policy error): x');
    const notice = parseLine(lines.at(-1) ?? '');
    assert.equal(notice?.command, 'notice');
    assert.match(notice?.data ?? '', /^4 errors and 1 warning not annotated/);
  });

  it('adds no notice when everything fits', () => {
    const lines = renderWorkflowCommands(result(Array.from({ length: 9 }, () => makeFinding())), { errors: 9, warnings: 10 });
    assert.equal(lines.length, 9);
    assert.ok(lines.every((l) => l.startsWith('::error ')));
  });

  it('caps the title at 255 characters', () => {
    const [line] = renderWorkflowCommands(result([makeFinding({ title: 'x'.repeat(400) })]));
    const parsed = parseLine(line ?? '');
    assert.equal(Array.from(parsed?.properties.title ?? '').length, 255);
    assert.ok(parsed?.properties.title?.endsWith('…'));
  });
});

describe('planNotices', () => {
  it('strips terminal and bidi controls from notes, as every other report does, and keeps line breaks', () => {
    const { notices } = planNotices(['Service "web\u001b[2K\rFAKE\u202Egnp.exe" builds app/Dockerfile\nsecond line']);
    assert.deepEqual(notices, ['Service "web[2K\nFAKEgnp.exe" builds app/Dockerfile\nsecond line']);
  });

  it('keeps within GitHub\'s 10 notices a step, leaving a slot for the "Annotations cut" notice', () => {
    const notes = (n: number) => Array.from({ length: n }, (_, i) => `note ${i}`);
    assert.deepEqual(planNotices(notes(9)), { notices: notes(9), log: [] });
    const plan = planNotices(notes(12));
    assert.deepEqual(plan.notices.slice(0, 8), notes(8));
    assert.equal(plan.notices[8], "4 more notes in this step's log: GitHub shows at most 10 notices in a step.");
    assert.deepEqual(plan.log, ['note 8', 'note 9', 'note 10', 'note 11']);
    // With annotations cut as well, the step prints exactly 10 notices, the cut notice among them.
    const deny = Array.from({ length: 12 }, (_, i) => makeFinding({ startLine: i + 1, endLine: i + 1 }));
    const cut = planWorkflowCommands(result(deny)).lines.filter((l) => l.startsWith('::notice'));
    assert.equal(cut.length, 1);
    assert.equal(plan.notices.length + cut.length, 10);
  });

  it('puts a note that spans lines on one log line when it goes to the log', () => {
    const plan = planNotices(['x', 'a\nb\u202E', 'd'], 2);
    assert.deepEqual(plan, { notices: ['x', "2 more notes in this step's log: GitHub shows at most 10 notices in a step."], log: ['a b', 'd'] });
  });
});
