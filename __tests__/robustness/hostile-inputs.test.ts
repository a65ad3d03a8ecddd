import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { linesOf, makeWorkspace, scanJson, scanText, type JsonRun } from './helpers.js';

// The hostile corpus: files a pull request can put in front of the scanner, made at test time.
// Each either yields findings on real lines or a clear error naming the file (and line), and always
// fails the run rather than passing it. __tests__/robustness/README.md lists the cases.

const PINNED = 'FROM alpine:3.20\nUSER nobody\n';
const UNPINNED = 'FROM node:latest\nCMD ["node", "server.js"]\n';

/** Findings and errors stay inside the files they name; the run fails whenever anything could not be checked. */
function assertSound(run: JsonRun, files: Record<string, string | Uint8Array>): void {
  for (const f of run.report.findings) {
    const content = files[f.path];
    assert.ok(content !== undefined, `finding on a file the workspace does not hold: ${f.path}`);
    const lines = linesOf(typeof content === 'string' ? content : new TextDecoder().decode(content));
    assert.ok(f.startLine >= 1 && f.startLine <= f.endLine && f.endLine <= lines, `${f.ruleId} at ${f.startLine}-${f.endLine} of a ${lines}-line file`);
  }
  if (run.report.errors.length > 0) assert.equal(run.code, 1, 'an error always fails the run');
}

function onlyError(run: JsonRun, pattern: RegExp, path?: string): JsonRun['report']['errors'][number] {
  assert.equal(run.code, 1, run.stderr);
  const error = run.report.errors.find((e) => pattern.test(e.message));
  assert.ok(error, `no error matching ${pattern}: ${JSON.stringify(run.report.errors)}`);
  if (path !== undefined) assert.equal(error.path, path);
  return error;
}

describe('hostile YAML', () => {
  it('a billion-laughs alias bomb is refused as a YAML bomb, quickly', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const files = { 'compose.yaml': `${lines.join('\n')}\nservices:\n  web:\n    image: nginx:1.27\n` };
    const started = performance.now();
    const run = await scanJson(makeWorkspace(files));
    onlyError(run, /YAML "bomb"/, 'compose.yaml');
    assert.ok(performance.now() - started < 10_000, 'refused before expanding');
  });

  it('mappings nested 100,000 deep are refused as too deep, not a crash', async () => {
    const n = 100_000;
    const files = { 'compose.yaml': `services: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n` };
    const error = onlyError(await scanJson(makeWorkspace(files)), /nests too deeply/, 'compose.yaml');
    assert.equal(error.line, 1);
  });

  it('sequences nested 100,000 deep are refused as too deep', async () => {
    const n = 100_000;
    const files = { 'docker-compose.yml': `services: ${'['.repeat(n)}${']'.repeat(n)}\n` };
    onlyError(await scanJson(makeWorkspace(files)), /nests too deeply/, 'docker-compose.yml');
  });

  it('block mappings nested 2,000 deep are refused, not a crash', async () => {
    const text = 'services:\n' + Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n') + ' 1\n';
    const files = { 'compose.yaml': text };
    const run = await scanJson(makeWorkspace(files));
    assert.equal(run.code, 1);
    assert.equal(run.report.errors.length, 1, JSON.stringify(run.report.errors));
    assert.doesNotMatch(run.report.errors[0]?.message ?? '', /Could not parse the file/);
  });

  it('extends that cycles is an error naming the chain', async () => {
    const files = { 'compose.yaml': 'services:\n  a:\n    extends: b\n  b:\n    extends: a\n' };
    const error = onlyError(await scanJson(makeWorkspace(files)), /extends forms a cycle/, 'compose.yaml');
    assert.match(error.message, /service "a".*service "b".*service "a"/);
  });

  it('extends.file that cycles across files is an error', async () => {
    const files = {
      'compose.yaml': 'services:\n  a:\n    extends:\n      service: b\n      file: other.yaml\n',
      'other.yaml': 'services:\n  b:\n    extends:\n      service: a\n      file: compose.yaml\n',
    };
    onlyError(await scanJson(makeWorkspace(files)), /cycle/);
  });

  it('include cycles are refused, not followed forever', async () => {
    const files = {
      'compose.yaml': 'include:\n  - sub/compose.yaml\nservices:\n  a:\n    image: nginx:1.27\n',
      'sub/compose.yaml': 'include:\n  - ../compose.yaml\nservices:\n  b:\n    image: nginx:1.27\n',
    };
    const run = await scanJson(makeWorkspace(files));
    assertSound(run, files);
    assert.equal(run.code, 1);
    assert.ok(run.report.errors.some((e) => /include/.test(e.message) && /cycle|more than \d+ files/.test(e.message)), JSON.stringify(run.report.errors));
  });

  it('include of a path outside the workspace is refused before anything is read', async () => {
    for (const ref of ['../../etc/compose.yaml', '/etc/passwd', '~/compose.yaml']) {
      const files = { 'compose.yaml': `include:\n  - ${ref}\nservices:\n  a:\n    image: nginx:1.27\n` };
      const error = onlyError(await scanJson(makeWorkspace(files)), /outside the workspace; it was not read/, 'compose.yaml');
      assert.equal(error.line, 2);
    }
  });
});

describe('hostile bytes', () => {
  it('a binary file named Dockerfile is an error, not a pass', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7) % 256);
    onlyError(await scanJson(makeWorkspace({ Dockerfile: bytes })), /binary file/, 'Dockerfile');
  });

  it('invalid UTF-8 is an error at the line of the first bad byte', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('FROM alpine:3.20\nUSER nobody\nLABEL x="'), 0xc3, 0x28, 0x22, 0x0a]);
    const error = onlyError(await scanJson(makeWorkspace({ Dockerfile: bytes })), /not valid UTF-8/, 'Dockerfile');
    assert.equal(error.line, 3);
  });

  it('NUL bytes are an error at their line', async () => {
    const error = onlyError(await scanJson(makeWorkspace({ Dockerfile: 'FROM alpine:3.20\nUSER nobody\nRUN echo \u0000\n' })), /NUL byte/, 'Dockerfile');
    assert.equal(error.line, 3);
  });

  it('a UTF-8 byte order mark is dropped and the lines stay right', async () => {
    const files = { Dockerfile: `\ufeff${UNPINNED}` };
    const run = await scanJson(makeWorkspace(files));
    assertSound(run, files);
    assert.deepEqual(run.report.errors, []);
    assert.ok(run.report.findings.some((f) => f.ruleId === 'CPD001' && f.startLine === 1));
  });

  it('CRLF line endings count lines like LF', async () => {
    const text = '# comment\r\n\r\nFROM node:latest\r\nCMD ["node"]\r\n';
    const files = { Dockerfile: text };
    const run = await scanJson(makeWorkspace(files));
    assertSound(run, files);
    const cpd001 = run.report.findings.find((f) => f.ruleId === 'CPD001');
    assert.equal(cpd001?.startLine, 3);
  });

  it('a lone CR in a Dockerfile, which Docker does not read as a line break, is an error at its line', async () => {
    const files = { Dockerfile: 'FROM node:20.11-alpine\nUSER root\n# drop privileges\rUSER 10001\nCMD ["node"]\n' };
    const error = onlyError(await scanJson(makeWorkspace(files)), /carriage return/, 'Dockerfile');
    assert.equal(error.line, 3);
  });

  it('a lone CR in a compose file still ends a line, as YAML says', async () => {
    const files = { 'compose.yaml': 'services:\r  web:\r    image: nginx:1.27\r    privileged: true\r' };
    const run = await scanJson(makeWorkspace(files));
    assert.deepEqual(run.report.errors, []);
    assert.ok(run.report.findings.some((f) => f.path === 'compose.yaml' && f.startLine === 4 && /privileged/i.test(f.message)));
  });

  it('a Dockerfile of only continuations is an error (no FROM), not a pass', async () => {
    onlyError(await scanJson(makeWorkspace({ Dockerfile: '\\\n'.repeat(10_000) })), /no FROM instruction/, 'Dockerfile');
  });

  it('an unterminated heredoc is read to the end of the file; findings stay on real lines', async () => {
    const files = { Dockerfile: 'FROM node:latest\nRUN <<EOF\necho hi\nUSER nobody\n' };
    const run = await scanJson(makeWorkspace(files));
    assertSound(run, files);
    assert.equal(run.code, 1);
    assert.ok(run.report.findings.length + run.report.errors.length > 0);
  });

  it('an unterminated quote in .env is an error at the line that opens it', async () => {
    const files = { 'compose.yaml': 'services:\n  web:\n    image: nginx:${TAG}\n', '.env': 'A=1\nTAG="1.27\n' };
    const error = onlyError(await scanJson(makeWorkspace(files)), /never closed/, '.env');
    assert.equal(error.line, 2);
  });
});

describe('hostile scripts and projects', () => {
  const times = (count: number, make: (i: number) => string, separator: string) => Array.from({ length: count }, (_, i) => make(i)).join(separator);
  // Nesting deeper than the fast shell path follows, so the script goes to the full shell parser.
  const deep = `echo ${'$('.repeat(40)}x${')'.repeat(40)}`;

  it('a RUN of 200,000 commands is refused at its line, the other files still checked', async () => {
    const files = { 'big/Dockerfile': `FROM alpine:3.20\nUSER nobody\nRUN ${times(200_000, () => 'a', ';')}\n`, 'ok/Dockerfile': UNPINNED };
    const run = await scanJson(makeWorkspace(files));
    const error = onlyError(run, /this RUN cannot be split into commands: it runs more than 20000 shell commands.*Split the file into several Dockerfiles/, 'big/Dockerfile');
    assert.equal(error.line, 3);
    assert.ok(run.report.findings.some((f) => f.path === 'ok/Dockerfile' && f.ruleId === 'CPD001'));
  });

  it('a pipeline of 3,000 commands that only the full shell parser reads is refused, not a crash', async () => {
    const files = { Dockerfile: `FROM alpine:3.20\nUSER nobody\nRUN ${deep} && ${times(3000, (i) => `a${i}`, ' | ')}\n` };
    const error = onlyError(await scanJson(makeWorkspace(files)), /nests shell syntax .* deeper than the full shell parser can follow\. Split it into smaller RUN instructions/, 'Dockerfile');
    assert.equal(error.line, 3);
  });

  it('a file whose judging fills the policy\'s memory is an error at once, not minutes of growth; the other files still checked', async () => {
    // 110,000 URLs with a password in one CMD: each word a finding, ~1.2 GB of the Wasm memory.
    const files = { 'big/Dockerfile': `FROM alpine:3.20\nUSER nobody\nCMD ${times(110_000, () => 'https://u:p@h.io', ' ')}\n`, 'ok/Dockerfile': UNPINNED };
    const run = await scanJson(makeWorkspace(files));
    onlyError(run, /Policy evaluation failed for big\/Dockerfile: opa_malloc: failed: judging it needed more than the policy's 1 GiB of memory.*Split the file/, 'big/Dockerfile');
    assert.ok(run.report.findings.some((f) => f.path === 'ok/Dockerfile' && f.ruleId === 'CPD001'));
  });

  it('a COPY heredoc of 30,000 lines is refused at its instruction, and so are compose commands of 30,000 words', async () => {
    const files = {
      'copy/Dockerfile': `FROM alpine:3.20\nUSER nobody\nCOPY <<EOF /etc/app.conf\n${times(30_000, (i) => `u${i}:p@h`, '\n')}\nEOF\n`,
      'compose.yaml': `services:\n  web:\n    image: nginx:1.27\n    command: ${times(30_000, (i) => `a${i}`, ' ')}\n`,
    };
    const run = await scanJson(makeWorkspace(files));
    assert.equal(onlyError(run, /the heredocs of COPY and ADD hold more than 20000 lines in all/, 'copy/Dockerfile').line, 3);
    assert.equal(onlyError(run, /hold more than 20000 words in all/, 'compose.yaml').line, 4);
  });

  it('2,000 services sharing one volume are checked, each finding naming ten others and a count', async () => {
    const compose = `services:\n${times(2000, (i) => `  s${i}:\n    image: nginx:1.27\n    volumes: ["shared:/data"]`, '\n')}\nvolumes:\n  shared: {}\n`;
    const files = { 'compose.yaml': compose };
    const run = await scanJson(makeWorkspace(files));
    assertSound(run, files);
    assert.deepEqual(run.report.errors, []);
    const shared = run.report.findings.filter((f) => f.ruleId === 'CPC036');
    assert.equal(shared.length, 2000);
    assert.ok(shared.every((f) => / and 1989 more$/.test(f.message)), shared[0]?.message);
  });
});

describe('hostile file system', () => {
  it('a symbolic link loop is refused with an error', async () => {
    const root = makeWorkspace({ 'ok/Dockerfile': PINNED });
    symlinkSync('b', join(root, 'a'));
    symlinkSync('a', join(root, 'b'));
    symlinkSync('a', join(root, 'Dockerfile'));
    onlyError(await scanJson(root), /symbolic link loop/, 'Dockerfile');
    // Named on the command line, it is a usage error (exit 2) that names it.
    const named = await scanJson(root, ['Dockerfile']);
    assert.equal(named.code, 2);
    assert.match(named.stderr, /Dockerfile: no such file/);
  });

  it('compose.yaml linking to /etc/shadow is refused and never read', async () => {
    const root = makeWorkspace({});
    symlinkSync('/etc/shadow', join(root, 'compose.yaml'));
    const run = await scanJson(root);
    const error = onlyError(run, /symbolic link to a file outside the workspace; it was not read/, 'compose.yaml');
    assert.equal(error.kind, 'read');
    assert.doesNotMatch(JSON.stringify(run.report), /root:/);
  });

  it('an override file linking outside the workspace fails the project (fail closed), not skipped', async () => {
    const root = makeWorkspace({ 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' });
    symlinkSync('/etc/passwd', join(root, 'compose.override.yaml'));
    const run = await scanJson(root, ['compose.yaml']);
    assert.equal(run.code, 1);
    assert.ok(run.report.errors.some((e) => /outside the workspace/.test(e.message)), JSON.stringify(run.report.errors));
  });

  it('file names with newlines and `::` cannot forge workflow commands', async () => {
    const root = makeWorkspace({});
    const dir = 'evil\n::add-mask::secret\n::error file=x::forged';
    mkdirSync(join(root, dir));
    writeFileSync(join(root, dir, 'Dockerfile'), UNPINNED);
    const run = await scanText(root, ['--format', 'github', '.']);
    assert.equal(run.code, 1);
    const lines = run.stdout.split('\n').filter((l) => l !== '');
    assert.ok(lines.length > 0);
    for (const line of lines) assert.match(line, /^::(error|warning|notice)( [a-zA-Z]+=[^:]*(,[a-zA-Z]+=[^:,]*)*)?::/, `forged or broken command: ${JSON.stringify(line)}`);
    assert.ok(lines.some((l) => l.includes('evil%0A%3A%3Aadd-mask%3A%3Asecret')), 'the name is escaped in the file property');
  });
});

describe('hostile messages', () => {
  const files = {
    'compose.yaml': [
      'services:',
      '  "web\\n::add-mask::x\\n::set-output name=verdict::pass":',
      '    image: nginx:1.27',
      '    privileged: true',
      '  "<script>alert(1)</script><img src=x onerror=alert(2)>":',
      '    image: nginx:1.27',
      '    privileged: true',
      '',
    ].join('\n'),
  };

  it('service names cannot inject workflow commands into the log', async () => {
    const run = await scanText(makeWorkspace(files), ['--format', 'github', '.']);
    assert.equal(run.code, 1);
    for (const line of run.stdout.split('\n').filter((l) => l !== '')) {
      assert.match(line, /^::(error|warning|notice)[ :]/, `forged command: ${JSON.stringify(line)}`);
    }
    // docker compose refuses such a name, and so does the gate; the refusal quotes it on one line.
    assert.match(run.stdout, /the service name "web\\n::add-mask::x\\n::set-output name=verdict::pass" is not one docker compose accepts/);
  });

  it('service names cannot inject HTML into the job summary', async () => {
    const run = await scanText(makeWorkspace(files), ['--format', 'markdown', '.']);
    assert.equal(run.code, 1);
    assert.doesNotMatch(run.stdout, /<script>|<img /i);
    assert.doesNotMatch(run.stdout, /\n::/, 'no line of the summary starts a workflow command');
  });
});
