import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParseError } from '../../src/parse/parse-error.js';
import { dockerfile } from './helpers.js';

const refusal = (line: number, pattern: RegExp) => (error: unknown) =>
  error instanceof ParseError && error.line === line && pattern.test(error.message);

const lines = (doc: ReturnType<typeof dockerfile>) => doc.instructions.map((i) => [i.keyword, i.startLine, i.endLine]);

test('an instruction has its keyword upper-cased, flags, args, value and exact source lines', () => {
  const doc = dockerfile('from alpine:3.20 AS base\ncopy --from=base --chown=1:2 --link a b\n');
  const copy = doc.instructions[1];
  assert.ok(copy);
  assert.equal(copy.keyword, 'COPY');
  assert.deepEqual(copy.flags, { from: 'base', chown: '1:2', link: '' });
  assert.deepEqual(copy.args, ['a', 'b']);
  assert.equal(copy.value, 'a b');
  assert.equal(copy.original, 'copy --from=base --chown=1:2 --link a b');
  assert.equal(copy.stage, 0);
});

test('repeated flags are all kept in flagList; flags keeps the last', () => {
  const run = dockerfile('FROM a\nRUN --mount=type=cache,target=/x --mount=type=secret,id=s make\n').instructions[1];
  assert.deepEqual(run?.flags, { mount: 'type=secret,id=s' });
  assert.deepEqual(run?.flagList, [
    { name: 'mount', value: 'type=cache,target=/x' },
    { name: 'mount', value: 'type=secret,id=s' },
  ]);
  assert.equal(run?.value, 'make');
});

test('each instruction loses as many leading flags as it has, whatever the instructions before it had', () => {
  const doc = dockerfile('FROM a\nRUN --network=none --mount=type=tmpfs,target=/t make\nRUN make all\nRUN --network=host --mount=type=tmpfs,target=/u make\nRUN --network=none make --x\n');
  assert.deepEqual(
    doc.instructions.slice(1).map((i) => i.value),
    ['make', 'make all', 'make', 'make --x'],
  );
  assert.deepEqual(
    doc.instructions.slice(1).map((i) => i.commands?.map((c) => c.words.join(' '))),
    [['make'], ['make all'], ['make'], ['make --x']],
  );
});

test('continuations join with a space; comments and blank lines inside them count as lines', () => {
  const doc = dockerfile('FROM a\nRUN apt-get update \\\n  # why\n\n  && apt-get install -y curl\nUSER app\n');
  const run = doc.instructions[1];
  assert.deepEqual([run?.startLine, run?.endLine], [2, 5]);
  assert.equal(run?.value, 'apt-get update && apt-get install -y curl');
  assert.deepEqual(run?.args, ['apt-get', 'update', '&&', 'apt-get', 'install', '-y', 'curl']);
  assert.equal(run?.original, 'RUN apt-get update \\\n  # why\n\n  && apt-get install -y curl');
  assert.deepEqual(doc.instructions[2]?.startLine, 6);
});

test('a dangling continuation at the end of the file stays within the file', () => {
  const doc = dockerfile('FROM a\nRUN x \\\n# trailing comment\n');
  assert.deepEqual(lines(doc), [['FROM', 1, 1], ['RUN', 2, 2]]);
});

test('CRLF line endings give the same lines as LF', () => {
  for (const eol of ['\n', '\r\n']) {
    const doc = dockerfile(['FROM a', 'RUN x \\', '  y', 'CMD z', ''].join(eol));
    assert.deepEqual(lines(doc), [['FROM', 1, 1], ['RUN', 2, 3], ['CMD', 4, 4]], JSON.stringify(eol));
    assert.equal(doc.instructions[1]?.value, 'x y');
  }
});

test('a CR without a LF after it is refused at its line: BuildKit reads past it, editors and GitHub break the line', () => {
  // BuildKit reads line 3 as one comment, so the image runs as root while the file shows USER 10001.
  const hidden = 'FROM node:20.11-alpine\nUSER root\n# drop privileges\rUSER 10001\nCMD ["node"]\n';
  assert.throws(() => dockerfile(hidden), refusal(3, /carriage return \(CR\) without a line feed.*LF or CRLF line endings/));
  assert.throws(() => dockerfile('FROM a\r\nUSER app\r\r\nCMD z\r\n'), refusal(2, /carriage return/));
  assert.throws(() => dockerfile('FROM a\rCMD z\r'), refusal(1, /carriage return/));
  assert.throws(() => dockerfile('FROM a\n\nCMD z\r'), refusal(3, /carriage return/));
});

test('a heredoc body belongs to its instruction', () => {
  const doc = dockerfile('FROM a\nRUN <<EOF\nset -e\n# not a Dockerfile comment\necho hi\nEOF\nCOPY <<one <<-"two" /dst\n1\none\n\t2\n\ttwo\nUSER app\n');
  assert.deepEqual(lines(doc), [['FROM', 1, 1], ['RUN', 2, 6], ['COPY', 7, 11], ['USER', 12, 12]]);
  assert.equal(doc.instructions[1]?.value, '<<EOF\nset -e\n# not a Dockerfile comment\necho hi\nEOF');
  assert.deepEqual(doc.instructions[1]?.args, ['<<EOF']);
  assert.deepEqual(doc.instructions[2]?.args, ['<<one', '<<-"two"', '/dst']);
});

test('an unterminated heredoc runs to the end of the file', () => {
  assert.deepEqual(lines(dockerfile('FROM a\nRUN <<EOF\necho hi\n')), [['FROM', 1, 1], ['RUN', 2, 3]]);
});

test('past 20,000 lines in all, the heredocs of COPY and ADD refuse the file at the instruction that passes it; RUN heredocs do not count', () => {
  const body = (n: number) => 'line\n'.repeat(n);
  const copied = dockerfile(`FROM a\nCOPY <<EOF /a\n${body(10_000)}EOF\nADD <<EOF /b\n${body(10_000)}EOF\nRUN <<EOF\n${'true\n'.repeat(5_000)}EOF\n`);
  assert.equal(copied.instructions.length, 4);
  assert.throws(() => dockerfile(`FROM a\nCOPY <<EOF /a\n${body(10_000)}EOF\nADD <<EOF /b\n${body(10_001)}EOF\n`), refusal(10_004, /heredocs of COPY and ADD hold more than 20000 lines in all/));
});

test('past 50,000 instructions the file is refused at the first past the bound', () => {
  assert.equal(dockerfile(`FROM a\n${'USER a\n'.repeat(49_999)}`).instructions.length, 50_000);
  assert.throws(() => dockerfile(`FROM a\n${'USER a\n'.repeat(60_000)}`), refusal(50_001, /more than 50000 instructions.*Split it into several Dockerfiles/));
});

test('the escape directive makes backtick the continuation character', () => {
  const doc = dockerfile('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir c:\\ `\n  && echo done\nWORKDIR c:\\app\n');
  assert.deepEqual(lines(doc), [['FROM', 2, 2], ['RUN', 3, 4], ['WORKDIR', 5, 5]]);
  assert.equal(doc.instructions[1]?.value, 'dir c:\\ && echo done');
  assert.equal(doc.stages[0]?.image?.registry, 'mcr.microsoft.com');
});

test('exec form is read as a JSON array; ENV and LABEL as NAME=value', () => {
  const doc = dockerfile('FROM a\nCMD ["node", "server.js --port 80"]\nENTRYPOINT run "a b"\nENV A=1 B="x y" C\nLABEL "k"="v w"\n');
  assert.deepEqual(doc.instructions[1]?.args, ['node', 'server.js --port 80']);
  assert.deepEqual(doc.instructions[2]?.args, ['run', '"a', 'b"']);
  assert.deepEqual(doc.instructions[3]?.args, ['A=1', 'B=x y', 'C']);
  assert.deepEqual(doc.instructions[4]?.args, ['k=v w']);
});

test('global ARG defaults resolve FROM; the syntax directive is a comment', () => {
  const doc = dockerfile('# syntax=docker/dockerfile:1\nARG NODE=20\nARG VARIANT=alpine\nARG BASE=node:${NODE}-${VARIANT}\nFROM ${BASE}\n');
  assert.equal(doc.instructions[0]?.stage, -1);
  const stage = doc.stages[0];
  assert.equal(stage?.baseRaw, '${BASE}');
  assert.equal(stage?.baseResolved, 'node:20-alpine');
  assert.equal(stage?.baseUnresolved, false);
  assert.deepEqual(stage?.image, { raw: 'node:20-alpine', registry: 'docker.io', repository: 'library/node', tag: '20-alpine', digest: null });
});

test('an ARG without a value leaves the base unresolved and the image null', () => {
  const doc = dockerfile('ARG TAG\nFROM node:${TAG}\nFROM --platform=$BUILDPLATFORM golang:${GO:-1.22}\nFROM $TARGETARCH/alpine\n');
  assert.deepEqual(doc.stages.map((s) => [s.baseResolved, s.baseUnresolved, s.image?.tag ?? null]), [
    ['node:', true, null],
    ['golang:1.22', false, '1.22'],
    ['/alpine', true, null],
  ]);
});

test('a base is the word BuildKit pulls: quotes and escapes removed, ARGs expanded inside double quotes only', () => {
  const doc = dockerfile('ARG TAG=20\nFROM "ubuntu:latest"\nFROM \'ubuntu\'\nFROM node:"${TAG}"\nFROM \'node:$TAG\'\nFROM "node:\\$TAG"\n');
  assert.deepEqual(doc.stages.map((s) => [s.baseRaw, s.baseResolved, s.baseUnresolved, s.image?.raw ?? null, s.image?.tag ?? null]), [
    ['"ubuntu:latest"', 'ubuntu:latest', false, 'ubuntu:latest', 'latest'],
    ["'ubuntu'", 'ubuntu', false, 'ubuntu', null],
    ['node:"${TAG}"', 'node:20', false, 'node:20', '20'],
    ["'node:$TAG'", 'node:$TAG', false, 'node:$TAG', '$TAG'],
    ['"node:\\$TAG"', 'node:$TAG', false, 'node:$TAG', '$TAG'],
  ]);
  assert.equal(dockerfile('FROM "scratch"\n').stages[0]?.image, null);
  assert.equal(dockerfile('FROM a AS build\nFROM "build"\n').stages[1]?.baseStage, 0);
});

test('a name no global ARG declares: a default form gives its default, the name alone is not known', () => {
  const doc = dockerfile('FROM ${BASE:-ubuntu}\nFROM "${IMG-alpine}:3"\nFROM app:$VERSION\nFROM app:${TARGETSTAGE}\n');
  assert.deepEqual(doc.stages.map((s) => [s.baseResolved, s.baseUnresolved]), [
    ['ubuntu', false],
    ['alpine:3', false],
    ['app:', true],
    ['app:', true],
  ]);
});

test('a base BuildKit cannot read or finds blank, and a stage name it does not accept, are refused', () => {
  assert.throws(() => dockerfile('FROM "ubuntu\n'), refusal(1, /not a word BuildKit can read/));
  assert.throws(() => dockerfile('ARG E=\nFROM a\nFROM ${E:?}\n'), refusal(3, /not a word BuildKit can read/));
  assert.throws(() => dockerfile('FROM ""\n'), refusal(1, /blank/));
  assert.throws(() => dockerfile('ARG E=\nFROM $E\n'), refusal(2, /blank/));
  assert.throws(() => dockerfile('FROM a AS "build"\n'), refusal(1, /invalid stage name ""build""/));
  assert.throws(() => dockerfile('FROM a AS 1st\n'), refusal(1, /invalid stage name/));
  assert.equal(dockerfile('FROM a AS Build-1.x_y\n').stages[0]?.name, 'build-1.x_y');
});

test('an ARG after FROM does not resolve the next FROM', () => {
  const doc = dockerfile('FROM a\nARG TAG=1\nFROM b:$TAG\n');
  assert.equal(doc.stages[1]?.baseUnresolved, true);
});

test('multi-stage: names lower-cased, stage bases found case-insensitively, final stage marked', () => {
  const doc = dockerfile('FROM golang:1.22 AS Builder\nRUN go build\n\nFROM builder AS final\nCOPY --from=builder /app /app\nFROM scratch\nCOPY --from=final /app /\n');
  assert.deepEqual(doc.stages.map((s) => [s.name, s.baseStage, s.image?.repository ?? null, s.isFinal]), [
    ['builder', null, 'library/golang', false],
    ['final', 0, null, false],
    [null, null, null, true],
  ]);
  assert.equal(doc.finalStage, 2);
  assert.deepEqual(doc.stages.map((s) => [s.fromLine, s.startLine, s.endLine]), [[1, 1, 2], [4, 4, 5], [6, 6, 7]]);
  assert.deepEqual(doc.stages[1]?.instructions, [2, 3]);
});

test('a base naming a later stage, or its own stage, is an image', () => {
  const doc = dockerfile('FROM app AS app\nFROM b AS x\n');
  assert.equal(doc.stages[0]?.baseStage, null);
  assert.equal(doc.stages[0]?.image?.repository, 'library/app');
});

test('a Dockerfile without FROM is refused at its first instruction, or line 1', () => {
  assert.throws(() => dockerfile('# comment\n\nARG X=1\n'), refusal(3, /no FROM/));
  assert.throws(() => dockerfile('# only a comment\n'), refusal(1, /no FROM/));
});

test('an instruction other than ARG before FROM is refused', () => {
  assert.throws(() => dockerfile('ARG X\nRUN echo\nFROM a\n'), refusal(2, /RUN comes before the first FROM/));
});

test('a flag written without `=` is marked, apart from one written with an empty value', () => {
  const copy = dockerfile('FROM a AS build\nCOPY --link --from build --chown= /x /y\n').instructions[1];
  assert.deepEqual(copy?.flagList, [{ name: 'link', value: '', withoutValue: true }, { name: 'from', value: '', withoutValue: true }]);
  assert.deepEqual(copy?.args, ['build', '--chown=', '/x', '/y']);
  // HEALTHCHECK is one our reader leaves to the library: the mark comes from both.
  const healthcheck = dockerfile('FROM a\nHEALTHCHECK --interval 5s CMD true\n').instructions[1];
  assert.deepEqual(healthcheck?.flagList, [{ name: 'interval', value: '', withoutValue: true }]);
  const chown = dockerfile('FROM a\nCOPY --chown= /x /y\n').instructions[1];
  assert.deepEqual(chown?.flagList, [{ name: 'chown', value: '' }]);
});

test('a FROM whose --platform has no value is refused with the fix, not as malformed', () => {
  const message = /FROM --platform has no value, so BuildKit refuses the build \("missing a value on flag: platform"\)\. Write --platform=linux\/amd64\./;
  assert.throws(() => dockerfile('FROM --platform linux/amd64 alpine AS build\n'), refusal(1, message));
  // One word left: without the check it would be read as the image.
  assert.throws(() => dockerfile('ARG X\nFROM --platform linux/amd64\n'), refusal(2, message));
  assert.equal(dockerfile('FROM --platform=linux/amd64 alpine\n').stages[0]?.image?.repository, 'library/alpine');
});

test('a malformed FROM is refused', () => {
  assert.throws(() => dockerfile('FROM\n'), refusal(1, /malformed FROM/));
  assert.throws(() => dockerfile('FROM a b\n'), refusal(1, /malformed FROM/));
  assert.throws(() => dockerfile('FROM a AS\n'), refusal(1, /malformed FROM/));
});

test('a heredoc with a file descriptor (missed by dockerfile-ast) still owns its body', () => {
  const doc = dockerfile('FROM a\nRUN cat /proc/self/fd/5 5<<FILE1 6<<-FILE2\nthis is part one\nFILE1\n\tpart two\n\tFILE2\nUSER app\n');
  assert.deepEqual(lines(doc), [['FROM', 1, 1], ['RUN', 2, 6], ['USER', 7, 7]]);
  assert.deepEqual(doc.instructions.map((i) => i.index), [0, 1, 2]);
});

test('a shift operator is not taken for a heredoc', () => {
  const doc = dockerfile('FROM a\nRUN echo $((1<<2))\nUSER app\n');
  assert.deepEqual(lines(doc), [['FROM', 1, 1], ['RUN', 2, 2], ['USER', 3, 3]]);
});

test('a line holding only the escape character joins the next instruction, as in BuildKit', () => {
  const doc = dockerfile('FROM a\n# note\n \\\nRUN x && \\\n  y\n');
  assert.deepEqual(lines(doc), [['FROM', 1, 1], ['RUN', 4, 5]]);
});

test('an unknown instruction is refused at its line', () => {
  assert.throws(() => dockerfile('FROM a\nRUN x\nBOGUS y\n'), refusal(3, /unknown instruction BOGUS/));
});

test('a Dockerfile of more than MAX_STAGES build stages is refused at the first stage past the bound', async () => {
  const { MAX_STAGES } = await import('../../src/parse/dockerfile-stages.js');
  const chain = (count: number) => Array.from({ length: count }, (_, i) => (i === 0 ? 'FROM alpine:3.20 AS s0' : `FROM s${i - 1} AS s${i}`)).join('\n') + '\n';
  assert.equal(dockerfile(chain(MAX_STAGES)).stages.length, MAX_STAGES);
  assert.throws(() => dockerfile(chain(MAX_STAGES + 1)), refusal(MAX_STAGES + 1, /more than 1000 build stages.*Split the file/));
});
