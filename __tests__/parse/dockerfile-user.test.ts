import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dockerfile } from './helpers.js';

/** The `user` of the last USER instruction, as the parser resolves it. */
const lastUser = (text: string) => {
  const users = dockerfile(text).instructions.filter((i) => i.keyword === 'USER');
  const last = users[users.length - 1];
  assert.ok(last && 'user' in last, 'a USER instruction with user set');
  return last.user;
};

test('USER takes ARG defaults and ENV values in scope in its stage, as BuildKit does without --build-arg', () => {
  assert.equal(lastUser('FROM node:20.11-alpine\nARG U=root\nUSER $U\nCMD ["node"]\n'), 'root');
  assert.equal(lastUser('FROM a\nENV U=root\nUSER ${U}\n'), 'root');
  assert.equal(lastUser('FROM a\nENV U root\nUSER $U\n'), 'root');
  assert.equal(lastUser('FROM a\nARG RUNAS=\nUSER ${RUNAS:-root}\n'), 'root');
  assert.equal(lastUser('FROM a\nARG U=10001\nUSER ${U:+root}\n'), 'root');
  assert.equal(lastUser('FROM a\nARG G=app U=$G\nUSER $U:$G\n'), 'app:app');
  assert.equal(lastUser('FROM a\nUSER "root"\n'), 'root');
  assert.equal(lastUser('FROM a\nUSER 10001:10001\n'), '10001:10001');
});

test('ENV expands its values with the variables as they were before it', () => {
  assert.equal(lastUser('FROM a\nENV A=x\nENV A=root B=$A\nUSER $B\n'), 'x');
});

test('a global ARG reaches USER only when the stage declares it again', () => {
  assert.equal(lastUser('ARG U=root\nFROM a\nARG U\nUSER $U\n'), 'root');
  // Out of scope, the global ARG gives nothing: only the base image's environment can.
  assert.equal(lastUser('ARG U=root\nFROM a\nUSER $U\n'), '$U');
});

test('ARG and ENV carry over to a stage built FROM another, not to an unrelated one', () => {
  assert.equal(lastUser('FROM a AS base\nARG U=root\nFROM base\nUSER $U\n'), 'root');
  assert.equal(lastUser('FROM a AS base\nENV U=root\nFROM base AS mid\nFROM mid\nUSER $U\n'), 'root');
  assert.equal(lastUser('FROM a AS base\nENV U=root\nFROM a\nUSER $U\n'), '$U');
});

test('a user that depends on a value not known before the build is null', () => {
  // An ARG without a default is set by --build-arg; TARGETARCH and the like are the builder's.
  for (const text of [
    'FROM a\nARG U\nUSER $U\n',
    'ARG U\nFROM a\nARG U\nUSER $U\n',
    'FROM a\nENV U=10001\nARG U\nUSER $U\n',
    'FROM a\nARG B\nUSER ${U:-$B}\n',
    'FROM a\nARG TARGETARCH\nUSER $TARGETARCH\n',
    'FROM a\nARG U=$X\nUSER $U\n',
    'FROM a\nUSER "unclosed\n',
  ]) {
    assert.equal(lastUser(text), null, text);
  }
});

test('a variable the Dockerfile never sets is the base image\'s: its default is judged, a bare one kept as written', () => {
  // The .NET images set APP_UID, Jupyter's NB_UID: without the base image the word would name no user.
  assert.equal(lastUser('FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\n'), '$APP_UID');
  assert.equal(lastUser('FROM a\nUSER ${NB_UID}:${NB_GID}\n'), '${NB_UID}:${NB_GID}');
  assert.equal(lastUser('FROM a\nUSER $NB_UID:100\n'), '$NB_UID:100');
  // With a default, a base image that does not set the variable gives the default.
  assert.equal(lastUser('FROM a\nUSER ${RUNAS:-root}\n'), 'root');
  assert.equal(lastUser('FROM a\nUSER ${APP_UID:-1654}\n'), '1654');
});

test('the word as written stays in args', () => {
  const user = dockerfile('FROM a\nARG U=root\nUSER $U\n').instructions[2];
  assert.deepEqual([user?.args, user?.user], [['$U'], 'root']);
  assert.equal(dockerfile('FROM a\nRUN x\n').instructions[1]?.user, undefined);
});
