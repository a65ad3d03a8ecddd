import { test } from 'node:test';
import assert from 'node:assert/strict';
import { programIndex } from '../../src/parse/shell/command-runners.js';

test('the program is found behind runners, past their options, settings and operands', () => {
  const cases: [string[], number][] = [
    [['apt-get', 'install', 'x'], 0],
    [['sudo', 'apt-get', 'install'], 1],
    [['/usr/bin/sudo', '-E', 'apt-get'], 2],
    [['sudo', '-u', 'app', 'apt-get'], 3],
    [['sudo', '-uapp', 'apt-get'], 2],
    [['sudo', '-Eu', 'app', 'apt-get'], 3],
    [['sudo', '--user', 'app', 'npm'], 3],
    [['sudo', '--user=app', 'npm'], 2],
    [['sudo', '--', 'curl'], 2],
    [['env', '-i', 'PATH=/bin', '-u', 'HOME', 'pip'], 5],
    [['env', '-', 'A=1', 'pip'], 3],
    [['exec', '-a', 'name', 'curl'], 3],
    [['timeout', '-s', 'KILL', '60', 'curl'], 4],
    [['timeout', '60', 'curl'], 2],
    [['nice', '-n', '10', 'make'], 3],
    [['nice', '-10', 'make'], 2],
    [['gosu', 'app', 'npm', 'install'], 2],
    [['su-exec', 'app:app', 'npm'], 2],
    [['chroot', '/target', 'apt-get'], 2],
    [['busybox', 'wget'], 1],
    [['sudo', 'env', 'A=1', 'nohup', 'curl'], 4],
    [['doas', '-u', 'app', 'apk'], 3],
  ];
  for (const [words, index] of cases) assert.equal(programIndex(words), index, words.join(' '));
});

test('a runner given no command is itself the program', () => {
  for (const words of [['sudo'], ['sudo', '-l'], ['env'], ['env', 'A=1'], ['timeout', '60'], ['gosu', 'app'], []]) {
    assert.equal(programIndex(words), 0, words.join(' '));
  }
});

test('a chain of runners is followed a bounded number of hops', () => {
  const words = [...Array.from({ length: 20 }, () => 'nohup'), 'curl'];
  assert.equal(programIndex(words), 8);
});
