import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DockerfileParser, type Argument, type Instruction } from 'dockerfile-ast';
import { splitArguments } from '../../src/parse/dockerfile-arguments.js';
import { argumentsOf, libraryRawArguments } from '../../src/parse/dockerfile-ast-memo.js';

const values = (text: string, escape = '\\') => splitArguments(text, escape).map((span) => span.value);
const spans = (text: string, escape = '\\') => splitArguments(text, escape).map((span) => [span.value, span.start, span.end]);

describe('splitArguments', () => {
  it('splits on blanks, with each argument\'s offsets', () => {
    assert.deepEqual(spans(' apt-get  install\t-y curl'), [['apt-get', 1, 8], ['install', 10, 17], ['-y', 18, 20], ['curl', 21, 25]]);
  });

  it('drops a continued line\'s leading blanks; an argument broken there ends at the escape character', () => {
    assert.deepEqual(spans(' a \\\n    b'), [['a', 1, 2], ['b', 9, 10]]);
    assert.deepEqual(spans(' a\\\n    b'), [['a', 1, 2], ['b', 8, 9]]);
    assert.deepEqual(spans(' a\\  \r\n  b'), [['a', 1, 2], ['b', 9, 10]]);
  });

  it('runs an argument on into a continued line that starts without a blank', () => {
    assert.deepEqual(spans(' ab\\\ncd ef'), [['abcd', 1, 7], ['ef', 8, 10]]);
  });

  it('skips a comment line inside a continuation', () => {
    assert.deepEqual(values(' a \\\n# not an argument\n  b'), ['a', 'b']);
    assert.deepEqual(values(' a \\\n  # after blanks too\n  b'), ['a', 'b']);
  });

  it('applies escapes: \\$ stays whole, any other escaped character stands for itself', () => {
    assert.deepEqual(values(' \\$HOME a\\"b c\\\\d'), ['\\$HOME', 'a"b', 'c\\d']);
  });

  it('ends an argument at an escaped blank before more text', () => {
    assert.deepEqual(spans(' foo\\ bar'), [['foo', 1, 4], ['bar', 6, 9]]);
  });

  it('stops at an escape character that ends the text, the last argument\'s range taking it in', () => {
    assert.deepEqual(spans(' a b\\'), [['a', 1, 2], ['b', 3, 5]]);
  });

  it('reads the backtick as the escape character when the file says so', () => {
    assert.deepEqual(values(' C:\\dir `\n  next', '`'), ['C:\\dir', 'next']);
  });
});

/** The arguments as plain data, to compare the library's answer with ours. */
function plain(args: Argument[]): unknown[] {
  return args.map((arg) => [arg.getValue(), arg.getRange()]);
}

function assertSameAsLibrary(source: string, label: string): number {
  let compared = 0;
  for (const instruction of DockerfileParser.parse(source).getInstructions()) {
    const ours = plain(argumentsOf(instruction as unknown as Parameters<typeof argumentsOf>[0]));
    const theirs = plain(libraryRawArguments.call(instruction as Instruction));
    assert.deepEqual(ours, theirs, `${label}: ${JSON.stringify(instruction.getTextContent())}`);
    compared++;
  }
  return compared;
}

describe('argumentsOf gives what dockerfile-ast computes', () => {
  const corpus = '../shared/corpus/real/dockerfiles/';
  it('for every instruction of the real corpus', { skip: !existsSync(corpus) && `corpus folder ${corpus} is missing` }, () => {
    const files = readdirSync(corpus).flatMap((dir) => (statSync(join(corpus, dir)).isDirectory() ? readdirSync(join(corpus, dir)).map((f) => join(corpus, dir, f)) : []));
    let compared = 0;
    for (const path of files) compared += assertSameAsLibrary(readFileSync(path, 'utf8'), path);
    assert.ok(compared > 30_000, `${compared} instructions compared`);
  });

  it('for 20,000 random instructions built from the characters that steer the split', () => {
    // A fixed seed, so that a failure can be replayed; each text is printed with its failure.
    let seed = 0x2f6b1d;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return (seed >>> 8) % n;
    };
    const pieces = ['a', 'b', '$', '#', '"', ' ', ' ', '\t', '\n', '\r', '\r\n', '\\', '\\', '`', '\\\n', '`\n', ' \\ \n', '\\ ', '\\\r\n', '\n#x \\\n'];
    for (let n = 0; n < 20_000; n++) {
      let body = '';
      for (let length = 1 + random(14); length > 0; length--) body += pieces[random(pieces.length)];
      const directive = random(4) === 0 ? '# escape=`\n' : '';
      const keyword = ['RUN', 'COPY', 'FROM', 'ENV', 'LABEL', 'CMD'][random(6)];
      assertSameAsLibrary(`${directive}${keyword}${body}\nUSER x\n`, `case ${n}`);
    }
  });
});
