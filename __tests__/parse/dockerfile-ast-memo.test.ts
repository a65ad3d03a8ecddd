import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser, type From, type ModifiableInstruction } from 'dockerfile-ast';
import { rememberInstructionArguments } from '../../src/parse/dockerfile-ast-memo.js';

const SOURCE = ['FROM docker.io/library/alpine:3.20@sha256:abc AS base', 'COPY --from=base --chown=1:1 a \\', '  b /dst/', 'RUN echo one two', ''].join('\n');

function values(args: { getValue(): string }[]): string[] {
  return args.map((arg) => arg.getValue());
}

describe('rememberInstructionArguments', () => {
  rememberInstructionArguments();
  const ast = DockerfileParser.parse(SOURCE);
  const [from, copy, run] = ast.getInstructions() as [From, ModifiableInstruction, ModifiableInstruction];

  it('gives the same arguments on every call, flags still taken off each time', () => {
    for (let i = 0; i < 3; i++) {
      assert.deepEqual(values(copy.getArguments()), ['a', 'b', '/dst/']);
      assert.deepEqual(values(run.getArguments()), ['echo', 'one', 'two']);
    }
    assert.deepEqual(copy.getFlags().map((flag) => flag.getName()), ['from', 'chown']);
    assert.equal(copy.getRawArgumentsContent(), 'a \\\n  b /dst/');
  });

  it('keeps FROM answers stable although FROM edits the ranges it is given', () => {
    const first = { name: from.getImageName(), registry: from.getRegistry(), tag: from.getImageTag(), digest: from.getImageDigest(), range: from.getImageNameRange() };
    for (let i = 0; i < 3; i++) {
      assert.equal(from.getImageName(), 'library/alpine');
      assert.equal(from.getRegistry(), 'docker.io');
      assert.equal(from.getImageTag(), '3.20');
      assert.equal(from.getImageDigest(), 'sha256:abc');
      assert.deepEqual(from.getImageNameRange(), first.range);
      assert.equal(from.getBuildStage(), 'base');
    }
    assert.deepEqual(first.range, { start: { line: 0, character: 15 }, end: { line: 0, character: 29 } });
  });

  it('is installed once however often it is asked', () => {
    rememberInstructionArguments();
    assert.deepEqual(values(DockerfileParser.parse('USER app\n').getInstructions()[0]?.getArguments() ?? []), ['app']);
  });
});
