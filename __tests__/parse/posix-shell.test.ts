import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandStringIndex, posixShellIndex, readsScriptFromStdin, scriptRun } from '../../src/parse/shell/posix-shell.js';

test('a POSIX shell is known by its base name, also behind runners', () => {
  const cases: [string[], number][] = [
    [['/bin/sh', '-c'], 0],
    [['/usr/local/bin/bash', '-c'], 0],
    [['/busybox/sh', '-c'], 0],
    [['ash'], 0],
    [['busybox', 'sh', '-c'], 1],
    [['/usr/bin/env', 'bash', '-c'], 1],
    [['env', '-i', 'PATH=/bin', '-u', 'HOME', 'zsh', '-c'], 5],
    [['sudo', '-u', 'app', 'bash', '-c'], 3],
    [['exec', 'sh', '-c'], 1],
    [['powershell', '-Command'], -1],
    [['cmd', '/S', '/C'], -1],
    [['/usr/bin/env', 'python3'], -1],
    [['busybox', 'wget'], -1],
    [['/bin/shell'], -1],
    [[], -1],
  ];
  for (const [words, index] of cases) assert.equal(posixShellIndex(words), index, words.join(' '));
});

test('the -c script is the first operand after the options, once one holds c', () => {
  const cases: [string[], number][] = [
    [['sh', '-c', 's'], 2],
    [['bash', '-ec', 's', 'name', 'arg'], 2],
    [['bash', '-xc', 's'], 2],
    [['bash', '-c', '-e', 's'], 3],
    [['bash', '-o', 'pipefail', '-c', 's'], 4],
    [['bash', '-eo', 'pipefail', '-c', 's'], 4],
    [['bash', '--noprofile', '--rcfile', 'f', '-c', 's'], 5],
    [['sh', '-c', '--', 's'], 3],
    [['/usr/bin/env', 'bash', '-lc', 's'], 3],
    [['sh', 'x.sh'], -1],
    [['sh', '-e', 'x.sh'], -1],
    [['sh', '-c'], -1],
    [['sh', '+c', 's'], -1],
    [['python3', '-c', 's'], -1],
  ];
  for (const [words, index] of cases) assert.equal(commandStringIndex(words), index, words.join(' '));
});

test('a POSIX shell with options only reads its script from standard input', () => {
  const cases: [string[], boolean][] = [
    [['sh'], true],
    [['/usr/local/bin/bash', '-e', '-o', 'pipefail'], true],
    [['sh', '-s'], true],
    [['sh', '-c', 's'], false],
    [['sh', 'x.sh'], false],
    [['python3'], false],
  ];
  for (const [words, stdin] of cases) assert.equal(readsScriptFromStdin(words), stdin, words.join(' '));
});

test('the script a command hands to a shell: -c, su -c, eval, behind runners', () => {
  const cases: [string[], string | undefined][] = [
    [['sh', '-c', 's'], 's'],
    [['sudo', 'bash', '-c', 's'], 's'],
    [['sudo', '-u', 'app', 'sh', '-ec', 's'], 's'],
    [['exec', 'sh', '-c', 's'], 's'],
    [['su', 'app', '-c', 's'], 's'],
    [['su', '-', 'app', '-c', 's'], 's'],
    [['su', '-s', '/bin/sh', 'app', '-c', 's'], 's'],
    [['su', '-lc', 's', 'app'], 's'],
    [['su', '-cs'], 's'],
    [['su', '--command', 's', 'app'], 's'],
    [['su', '--command=s t', 'app'], 's t'],
    [['sudo', 'su', 'app', '-c', 's'], 's'],
    [['eval', 'curl x', '|', 'sh'], 'curl x | sh'],
    [['eval', '--', 'a', 'b'], 'a b'],
    [['su', 'app'], undefined],
    [['su', 'app', '--', '-c', 's'], undefined],
    [['eval'], undefined],
    [['sudo', 'apt-get', '-c', 'x'], undefined],
    [['sh', 'x.sh'], undefined],
  ];
  for (const [words, script] of cases) assert.equal(scriptRun(words), script, words.join(' '));
});
