import { scriptTexts } from '../../src/parse/shell/nested-scripts.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dockerfile } from './helpers.js';

const words = (doc: ReturnType<typeof dockerfile>, index: number) =>
  doc.instructions[index]?.commands?.map((c) => [c.words.join(' '), c.line]);

test('a shell-form RUN is split into simple commands with their file lines', () => {
  const doc = dockerfile(
    'FROM a\nRUN --mount=type=cache,target=/x apt-get update && \\\n  # why\n  apt-get install -y "curl=1.2" \\\n  && curl -fsSL https://x.sh | bash -s\n',
  );
  assert.deepEqual(words(doc, 1), [
    ['apt-get update', 2],
    ['apt-get install -y curl=1.2', 4],
    ['curl -fsSL https://x.sh', 5],
    ['bash -s', 5],
  ]);
  const pipe = doc.instructions[1]?.commands?.filter((c) => c.pipelineSize === 2) ?? [];
  assert.deepEqual(pipe.map((c) => c.position), [0, 1]);
  assert.equal(pipe[0]?.pipeline, pipe[1]?.pipeline);
});

test('<< inside quotes is not a heredoc: the rest of the file is not swallowed', () => {
  const doc = dockerfile('FROM a\nRUN python -c "print(1 <<2)"\nUSER app\n');
  assert.deepEqual(doc.instructions.map((i) => [i.keyword, i.startLine, i.endLine]), [['FROM', 1, 1], ['RUN', 2, 2], ['USER', 3, 3]]);
  assert.deepEqual(doc.instructions[1]?.args, ['python', '-c', '"print(1', '<<2)"']);
});

test('a RUN heredoc handed to the shell is its script; other heredocs are bodies only', () => {
  const doc = dockerfile('FROM a\nRUN <<EOF\nset -e\npip install flask\nEOF\nRUN python3 <<PY\nimport os\nPY\nCOPY <<EOF /etc/x\nhi\nEOF\n');
  assert.deepEqual(words(doc, 1), [['set -e', 3], ['pip install flask', 4]]);
  assert.deepEqual(words(doc, 2), [['python3', 6]]);
  assert.deepEqual(doc.instructions[3]?.heredocs, [{ name: 'EOF', body: 'hi', startLine: 10, endLine: 11 }]);
});

test('exec form is recognised; shell errors are reported with their line, not skipped', () => {
  const doc = dockerfile('FROM a\nRUN ["ps", "-d"]\nRUN echo \'open\nCMD node s.js\n');
  assert.equal(doc.instructions[1]?.form, 'exec');
  assert.deepEqual(words(doc, 1), [['ps -d', 2]]);
  assert.equal(doc.instructions[2]?.shellError?.line, 3);
  assert.equal(doc.instructions[3]?.form, 'shell');
});

test('directives and a non-POSIX SHELL: no splitting after SHELL ["powershell"], and the RUN says why', () => {
  const doc = dockerfile('# syntax=docker/dockerfile:1\n# escape=`\nFROM a\nSHELL ["powershell", "-Command"]\nRUN Write-Host hi\n');
  assert.deepEqual(doc.directives, [
    { name: 'syntax', value: 'docker/dockerfile:1', line: 1 },
    { name: 'escape', value: '`', line: 2 },
  ]);
  assert.equal(doc.instructions[2]?.commands, undefined);
  assert.equal(doc.instructions[2]?.foreignShell, 'powershell');
});

test('a SHELL is POSIX by its base name, wherever installed, also through env or busybox', () => {
  for (const shell of ['"/usr/local/bin/bash", "-c"', '"/busybox/sh", "-c"', '"/usr/bin/env", "bash", "-c"', '"busybox", "ash", "-c"']) {
    const doc = dockerfile(`FROM a\nSHELL [${shell}]\nRUN curl -fsSL https://x.example/i.sh | sh\n`);
    assert.deepEqual(words(doc, 2), [['curl -fsSL https://x.example/i.sh', 3], ['sh', 3]], shell);
    assert.equal(doc.instructions[2]?.foreignShell, undefined, shell);
  }
  const cmd = dockerfile('FROM a\nSHELL ["cmd", "/S", "/C"]\nRUN dir\nSHELL ["/opt/fish"]\nRUN ls\nRUN ["sh", "-c", "ls"]\n');
  assert.deepEqual([2, 4].map((i) => cmd.instructions[i]?.foreignShell), ['cmd', '/opt/fish']);
  assert.equal(cmd.instructions[5]?.foreignShell, undefined, 'exec form does not use SHELL');
});

test('a heredoc goes to a POSIX shell at any path or with -o options; a foreign shebang keeps it out', () => {
  const doc = dockerfile(
    'FROM a\nRUN /usr/local/bin/bash -o pipefail <<EOF\ncurl -s u | sh\nEOF\n' +
      'RUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\nRUN <<EOF\n#!/busybox/sh -e\nls\nEOF\n',
  );
  assert.deepEqual(words(doc, 1), [['/usr/local/bin/bash -o pipefail', 2], ['curl -s u', 3], ['sh', 3]]);
  assert.deepEqual(words(doc, 2), []);
  assert.deepEqual(words(doc, 3), [['ls', 11]]);
});

test('a Windows base image runs RUN with cmd: not split, no shell error, marked as cmd, also in stages built on it', () => {
  const doc = dockerfile(
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS w\nRUN FOR /f %i IN (a) DO echo %i\nFROM w\nRUN dir\n' +
      'FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\nRUN echo (x\nFROM debian:12\nRUN echo hi\n',
  );
  for (const index of [1, 3, 5]) {
    assert.equal(doc.instructions[index]?.commands, undefined);
    assert.equal(doc.instructions[index]?.shellError, undefined);
    assert.equal(doc.instructions[index]?.foreignShell, 'cmd');
  }
  assert.equal(doc.instructions[7]?.foreignShell, undefined);
  assert.deepEqual(words(doc, 7), [['echo hi', 8]]);
});

test('a continuation with spaces after the backslash continues the RUN, as BuildKit reads it', () => {
  const doc = dockerfile('FROM a\nRUN apt-get update \\ \n    && apt-get install -y x \\\t\n    && rm -rf /tmp/y\n');
  assert.equal(doc.instructions[1]?.shellError, undefined);
  assert.deepEqual(words(doc, 1), [['apt-get update', 2], ['apt-get install -y x', 3], ['rm -rf /tmp/y', 4]]);
});

test('an exec-form RUN of a POSIX shell with -c: the array, then its script split, on the RUN line', () => {
  const doc = dockerfile(
    'FROM a\nRUN ["sh","-c","curl -fsSL https://x.example/i.sh | sh"]\n' +
      'RUN ["/bin/bash", "-o", "pipefail", "-lc", "apt-get update && apt-get install -y x"]\n' +
      'RUN ["/usr/bin/env", "bash", "-ec", \\\n  "cd /a; make"]\n' +
      'RUN ["python3", "-c", "import os; os.system(\'a | b\')"]\nRUN ["sh", "-c", "echo \'open"]\nRUN ["sh", "./x.sh"]\n',
  );
  assert.deepEqual(words(doc, 1), [
    ['sh -c curl -fsSL https://x.example/i.sh | sh', 2],
    ['curl -fsSL https://x.example/i.sh', 2],
    ['sh', 2],
  ]);
  const pipe = doc.instructions[1]?.commands?.slice(1) ?? [];
  assert.deepEqual(pipe.map((c) => [c.pipeline, c.position, c.pipelineSize]), [[1, 0, 2], [1, 1, 2]]);
  assert.deepEqual(words(doc, 2)?.slice(1), [['apt-get update', 3], ['apt-get install -y x', 3]]);
  assert.deepEqual(words(doc, 3)?.slice(1), [['cd /a', 4], ['make', 4]]);
  assert.equal(words(doc, 4)?.length, 1, 'python -c is not a shell script');
  assert.deepEqual(doc.instructions[5]?.shellError?.line, 7);
  assert.deepEqual(words(doc, 6), [['sh ./x.sh', 8]], 'a script file is not split');
});

test('a shell-form RUN of a POSIX shell with -c: its literal script is split too, at the line of the shell command', () => {
  const doc = dockerfile(
    'FROM a\nRUN apt-get update && \\\n  bash -c "curl -fsSL https://x.sh | sh"\nRUN /bin/sh -ec \'a | b\'\nRUN bash -xc "a"\nRUN sh -euxc "a"\nRUN bash -o pipefail -c "a; b"\nRUN zsh -c "a" && ash -c b && dash -c c\n',
  );
  assert.deepEqual(words(doc, 1), [
    ['apt-get update', 2],
    ['bash -c curl -fsSL https://x.sh | sh', 3],
    ['curl -fsSL https://x.sh', 3],
    ['sh', 3],
  ]);
  const pipe = doc.instructions[1]?.commands?.filter((c) => c.pipelineSize === 2) ?? [];
  assert.deepEqual(pipe.map((c) => [c.position, c.pipeline]), [[0, 2], [1, 2]], 'the inner pipe is numbered after every outer pipeline');
  assert.deepEqual(words(doc, 2), [['/bin/sh -ec a | b', 4], ['a', 4], ['b', 4]]);
  assert.deepEqual(words(doc, 3), [['bash -xc a', 5], ['a', 5]]);
  assert.deepEqual(words(doc, 4), [['sh -euxc a', 6], ['a', 6]]);
  assert.deepEqual(words(doc, 5), [['bash -o pipefail -c a; b', 7], ['a', 7], ['b', 7]]);
  assert.deepEqual(words(doc, 6), [['zsh -c a', 8], ['a', 8], ['ash -c b', 8], ['b', 8], ['dash -c c', 8], ['c', 8]]);
});

test('a `!` before a shell given a -c script inverts the script\'s status too: its commands are marked negated', () => {
  const doc = dockerfile('FROM a\nRUN ! bash -c "ldd x | grep y" && sh -c "c | d"\n');
  const marked = doc.instructions[1]?.commands?.map((c) => `${c.words[0]}${c.negated ? '!' : ''}`);
  assert.deepEqual(marked, ['bash!', 'ldd!', 'grep!', 'sh', 'c', 'd']);
});

test('a -c script word holding an expansion or a backslash is split as the shell would hand it on', () => {
  const doc = dockerfile(
    'FROM a\nRUN sh -c "$SCRIPT"\nRUN bash -c "curl $URL | sh"\nRUN sh -c "$(cat s)"\nRUN sh -c "a \\"b|c\\" | sh"\nRUN sh -c \'echo $HOME | sh\'\nRUN sh -c \'a \\| b\'\n',
  );
  assert.deepEqual(words(doc, 1), [['sh -c $SCRIPT', 2], ['$SCRIPT', 2]]);
  // An expansion hid the pipe into a shell from every command rule.
  assert.deepEqual(words(doc, 2), [['bash -c curl $URL | sh', 3], ['curl $URL', 3], ['sh', 3]]);
  assert.deepEqual(words(doc, 3), [['sh -c $(cat s)', 4], ['$(cat s)', 4], ['cat s', 4], ['cat s', 4]]);
  // Double quotes hand on `a "b|c" | sh`: one pipe, the quoted bar a word.
  assert.deepEqual(words(doc, 4), [['sh -c a \\"b|c\\" | sh', 5], ['a b|c', 5], ['sh', 5]]);
  assert.deepEqual(words(doc, 5), [['sh -c echo $HOME | sh', 6], ['echo $HOME', 6], ['sh', 6]]);
  // Read as double quotes would, `a \| b` keeps its backslash: an escaped bar, no pipe.
  assert.deepEqual(words(doc, 6), [['sh -c a \\| b', 7], ['a | b', 7]]);
});

test('a -c script with backslashes that only parses as written (single quotes) is split as written', () => {
  assert.deepEqual(scriptTexts('a "b'), ['a "b']);
  assert.deepEqual(scriptTexts('echo \\"x'), ['echo "x', 'echo \\"x']);
  const doc = dockerfile("FROM a\nRUN sh -c 'echo \\\"x | sh'\n");
  // Read as double quotes would, the quote is never closed; as written, `\\"` is an escaped quote and the bar a pipe.
  assert.deepEqual(words(doc, 1)?.slice(1), [['echo "x', 2], ['sh', 2]]);
  assert.equal(doc.instructions[1]?.shellError, undefined);
});

test('scripts inside scripts are split to a bound, past which the RUN reports it could not be checked', () => {
  const three = dockerfile('FROM a\nRUN ["sh", "-c", "sh -c \\"sh -c \'curl x | sh\'\\""]\n').instructions[1];
  assert.deepEqual(three?.commands?.slice(-2).map((c) => [c.words.join(' '), c.line]), [['curl x', 2], ['sh', 2]]);
  assert.equal(three?.shellError, undefined);
  const four = dockerfile('FROM a\nRUN ["sh", "-c", "sh -c \\"sh -c \'sh -c ls\'\\""]\n').instructions[1];
  assert.deepEqual(four?.shellError, { line: 2, message: 'scripts nested more than 3 levels deep (sh -c "sh -c ...") are not split' });
  assert.deepEqual(four?.commands?.map((c) => c.words.at(-1)), ['sh -c "sh -c \'sh -c ls\'"', "sh -c 'sh -c ls'", 'sh -c ls', 'ls']);
});

test('a shell-form -c script the shell parser rejects is reported at the line of its command', () => {
  const run = dockerfile('FROM a\nRUN echo a && \\\n  sh -c "if true"\n').instructions[1];
  assert.equal(run?.shellError?.line, 3);
  assert.deepEqual(run?.commands?.map((c) => c.words[0]), ['echo', 'sh']);
});

test('no two pipe commands of a RUN share a pipeline number and position, nested scripts and heredocs included', () => {
  const doc = dockerfile(
    'FROM a\nRUN curl x | sh && bash -c "curl y | sh | tee z" | cat && sh -c \'a | b\' && <<EOF bash | cat\ncurl w | sh\nEOF\nRUN ["sh", "-c", "a | b | c"]\n',
  );
  for (const ins of doc.instructions) {
    const keys = (ins.commands ?? []).filter((c) => c.pipelineSize > 1).map((c) => `${c.pipeline}/${c.position}`);
    assert.equal(new Set(keys).size, keys.length, keys.join(' '));
  }
  assert.ok((doc.instructions[1]?.commands ?? []).filter((c) => c.pipelineSize > 1).length >= 9);
});
