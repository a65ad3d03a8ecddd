import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText, splitLines } from '../../src/parse/decode-text.js';
import { ParseError } from '../../src/parse/parse-error.js';
import { bytes } from './helpers.js';

const refusal = (line: number, pattern: RegExp) => (error: unknown) =>
  error instanceof ParseError && error.path === 'Dockerfile' && error.line === line && pattern.test(error.message);

test('LF, CRLF and a lone CR each end a line', () => {
  assert.deepEqual(decodeText('Dockerfile', bytes('a\nb\r\nc\rd')).lines, ['a', 'b', 'c', 'd']);
  assert.equal(decodeText('Dockerfile', bytes('a\r\nb\r\n')).text, 'a\nb\n');
});

test('the first line a lone CR ends is noted, for parsers that must not read it as a line break', () => {
  assert.equal(decodeText('Dockerfile', bytes('a\nb\r\nc\rd\re')).loneCarriageReturnLine, 3);
  assert.equal(decodeText('Dockerfile', bytes('a\n\rb')).loneCarriageReturnLine, 2);
  assert.equal(decodeText('Dockerfile', bytes('a\r')).loneCarriageReturnLine, 1);
  assert.equal(decodeText('Dockerfile', bytes('a\r\nb\r\n')).loneCarriageReturnLine, null);
  assert.equal(decodeText('Dockerfile', bytes('a\nb')).loneCarriageReturnLine, null);
});

test('a final terminator does not add a line, a blank last line does', () => {
  assert.deepEqual(splitLines('a\n'), ['a']);
  assert.deepEqual(splitLines('a\n\n'), ['a', '']);
  assert.deepEqual(splitLines('a'), ['a']);
});

test('a UTF-8 byte order mark is dropped', () => {
  const decoded = decodeText('Dockerfile', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('FROM a\n')]));
  assert.deepEqual(decoded.lines, ['FROM a']);
});

test('a binary file is refused at the line of its first NUL byte', () => {
  assert.throws(() => decodeText('Dockerfile', new Uint8Array([0x46, 0x0a, 0x0d, 0x0a, 0x00, 0x01])), refusal(3, /binary file/));
});

test('UTF-16 is refused with a hint to re-save as UTF-8', () => {
  assert.throws(() => decodeText('Dockerfile', new Uint8Array([0xff, 0xfe, 0x46, 0x00])), refusal(1, /UTF-16/));
});

test('invalid UTF-8 is refused at the line it is on', () => {
  const data = new Uint8Array([...bytes('FROM a\r\nRUN é\n'), 0xc3, 0x28, 0x0a]);
  assert.throws(() => decodeText('Dockerfile', data), refusal(3, /not valid UTF-8/));
});

test('an empty or whitespace-only file is refused', () => {
  assert.throws(() => decodeText('Dockerfile', new Uint8Array()), refusal(1, /empty/));
  assert.throws(() => decodeText('Dockerfile', bytes(' \n\t\r\n')), refusal(1, /empty/));
  assert.throws(() => decodeText('Dockerfile', new Uint8Array([0xef, 0xbb, 0xbf])), refusal(1, /empty/));
});
