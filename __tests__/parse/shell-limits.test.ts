import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParseError } from '../../src/parse/parse-error.js';
import { splitCommands, splitWithShellParser } from '../../src/parse/shell/split-commands.js';
import { splitSimpleCommands } from '../../src/parse/shell/split-simple.js';
import { shSyntax } from '../../src/parse/shell/mvdan-sh-module.js';
import {
  MAX_COMMANDS,
  MAX_SHELL_PARSER_BYTES,
  MAX_SHELL_PARSER_NODES,
  ShellScriptTooLargeError,
} from '../../src/parse/shell/shell-limits.js';
import { dockerfile } from './helpers.js';

const repeat = (count: number, make: (i: number) => string, separator: string) => Array.from({ length: count }, (_, i) => make(i)).join(separator);
// Nesting deeper than the fast path follows, so the script goes to the full shell parser.
const deep = `echo ${'$('.repeat(40)}x${')'.repeat(40)}`;
const refused = (pattern: RegExp) => (error: unknown) => error instanceof ShellScriptTooLargeError && pattern.test(error.message);
const refusal = (line: number, pattern: RegExp) => (error: unknown) =>
  error instanceof ParseError && error.line === line && pattern.test(error.message);

test('loading the full shell parser leaves Error.stackTraceLimit as it was', () => {
  // GopherJS sets it to Infinity, and every error in the process would then record its whole stack.
  const before = Error.stackTraceLimit;
  shSyntax();
  assert.equal(Error.stackTraceLimit, before);
  assert.ok(Number.isFinite(Error.stackTraceLimit));
});

test('the full shell parser is not given a script past its size bound', () => {
  const filler = ` ${'x'.repeat(MAX_SHELL_PARSER_BYTES)}`;
  assert.throws(() => splitWithShellParser(`${deep}${filler}`), refused(/is 65 KB and uses shell syntax beyond simple command lists.*up to 64 KB\. Split it into smaller RUN instructions/));
  // The fast path takes a plain list of that size; the bound is only the full parser's.
  const plain = splitCommands(`echo${filler}`);
  assert.ok(plain.ok && plain.commands.length === 1);
});

test('the walk of the full parser stops at its node budget, and a script under it is split', () => {
  const many = (count: number) => `${deep} ${repeat(count, () => '$(a)', ' ')}`;
  const under = splitWithShellParser(many(100));
  // echo, a command at each of the 40 levels, and the 100 substitutions'.
  assert.ok(under.ok && under.commands.length === 141);
  assert.throws(() => splitWithShellParser(many(MAX_SHELL_PARSER_NODES)), refused(/more than 4000 shell syntax elements/));
});

test('nesting deeper than the full parser can walk is refused, not a crash', () => {
  // A pipeline is a chain of binary nodes, one level each; the walk recurses through all of them.
  assert.throws(() => splitWithShellParser(`${deep} && ${repeat(5000, (i) => `a${i}`, ' | ')}`), refused(/nests shell syntax .* deeper than the full shell parser can follow/));
});

test('the fast path refuses a script of more than MAX_COMMANDS commands before building them all', () => {
  assert.equal(splitSimpleCommands(repeat(MAX_COMMANDS, () => 'a', ';'))?.length, MAX_COMMANDS);
  assert.throws(() => splitSimpleCommands(repeat(MAX_COMMANDS + 1, () => 'a', ';')), refused(/more than 20000 shell commands.*Split the file into several Dockerfiles/));
  // Compound commands and bare assignments are not commands.
  assert.equal(splitSimpleCommands(`${repeat(MAX_COMMANDS, () => 'a', ';')}; A=1; { B=2; }`)?.length, MAX_COMMANDS);
});

test('a long pipeline keeps each command’s place', () => {
  const commands = splitSimpleCommands(repeat(3000, (i) => `c${i}`, ' | '));
  assert.ok(commands);
  assert.ok(commands.every((c, i) => c.position === i && c.pipelineSize === 3000 && c.pipeline === 0 && c.words[0] === `c${i}`));
});

test('a Dockerfile is refused at the RUN that takes its commands past MAX_COMMANDS', () => {
  const runs = (count: number) => repeat(count, () => `RUN ${repeat(MAX_COMMANDS / 4, () => 'a', ' && ')}`, '\n');
  const fits = dockerfile(`FROM alpine:3.20\n${runs(4)}\n`);
  assert.equal(fits.instructions.reduce((n, i) => n + (i.commands?.length ?? 0), 0), MAX_COMMANDS);
  assert.throws(() => dockerfile(`FROM alpine:3.20\n${runs(4)}\nRUN b\n`), refusal(6, /the file's RUN instructions up to this one run more than 20000 shell commands.*Split the file into several Dockerfiles\.$/));
  assert.throws(() => dockerfile(`FROM alpine:3.20\nRUN ${repeat(MAX_COMMANDS + 1, () => 'a', ';')}\n`), refusal(2, /this RUN cannot be split into commands: it runs more than 20000/));
});

test('a RUN the full parser refuses makes the file not checkable, at the RUN, with what to do', () => {
  const text = `FROM alpine:3.20\nUSER 1000\nRUN ${deep} && ${repeat(5000, (i) => `a${i}`, ' | ')}\n`;
  assert.throws(() => dockerfile(text), refusal(3, /^.*this RUN cannot be split into commands: the script nests shell syntax .*Split it into smaller RUN instructions\.$/));
});
