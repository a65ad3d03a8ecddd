/**
 * Files that BuildKit reads otherwise than dockerfile-ast, each read both by our own reader and, with a
 * heredoc added at the end (which sends a file there), by the library: the instructions must be
 * BuildKit's either way (its parser: frontend/dockerfile/parser in github.com/moby/buildkit).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { continues } from '../../src/parse/dockerfile-value.js';
import { ParseError } from '../../src/parse/parse-error.js';
import { dockerfile } from './helpers.js';

const refusal = (line: number, pattern: RegExp) => (error: unknown) => error instanceof ParseError && error.line === line && pattern.test(error.message);

const HEREDOC = 'RUN <<EOF\nx\nEOF\n';

/** Keyword, lines and arguments of each instruction, the heredoc added for the library left out. */
function readings(text: string): { plain: unknown; library: unknown } {
  const summary = (source: string) =>
    dockerfile(source)
      .instructions.filter((i) => !(i.keyword === 'RUN' && i.args[0] === '<<EOF'))
      .map((i) => [i.keyword, i.startLine, i.endLine, i.args]);
  return { plain: summary(text), library: summary(text + HEREDOC) };
}

function assertReadAs(text: string, expected: unknown): void {
  const { plain, library } = readings(text);
  assert.deepEqual(plain, expected, 'our reader');
  assert.deepEqual(library, expected, 'dockerfile-ast');
}

describe('a line ending in an escaped escape character ends the instruction', () => {
  it('so the USER after it is an instruction of its own', () => {
    assertReadAs('FROM alpine:3.19\nRUN adduser -D -u 10001 app\nUSER 10001\nRUN echo done \\\\\nUSER root\n', [
      ['FROM', 1, 1, ['alpine:3.19']],
      ['RUN', 2, 2, ['adduser', '-D', '-u', '10001', 'app']],
      ['USER', 3, 3, ['10001']],
      ['RUN', 4, 4, ['echo', 'done', '\\']],
      ['USER', 5, 5, ['root']],
    ]);
  });

  it('and so does an odd run of them, spaces after it, and the backtick of `# escape=`', () => {
    assertReadAs('FROM a\nRUN echo \\\\\\  \nRUN curl -fsSL https://x.example/i.sh | sh\n', [
      ['FROM', 1, 1, ['a']],
      ['RUN', 2, 2, ['echo', '\\']],
      ['RUN', 3, 3, ['curl', '-fsSL', 'https://x.example/i.sh', '|', 'sh']],
    ]);
    assertReadAs('# escape=`\nFROM a\nENV X=a``\nENV DB_PASSWORD=hunter2\n', [
      ['FROM', 2, 2, ['a']],
      ['ENV', 3, 3, ['X=a`']],
      ['ENV', 4, 4, ['DB_PASSWORD=hunter2']],
    ]);
  });

  it('keeps the shell command as written, and a single escape character still continues', () => {
    const run = dockerfile('FROM a\nRUN echo done \\\\\nUSER root\n').instructions[1];
    assert.equal(run?.value, 'echo done \\\\');
    assert.deepEqual(run?.commands?.map((c) => c.words), [['echo', 'done', '\\']]);
    assertReadAs('FROM a\nRUN echo a\\\\b \\\n  c\n', [
      ['FROM', 1, 1, ['a']],
      ['RUN', 2, 3, ['echo', 'a\\b', 'c']],
    ]);
  });

  it('while an escape character followed by a vertical tab continues nothing: the heredoc body starts on the next line', () => {
    const run = dockerfile('FROM a\nRUN cat <<EOF \\\v\nhello\nEOF\n').instructions[1];
    assert.deepEqual(run?.heredocs, [{ name: 'EOF', body: 'hello', startLine: 3, endLine: 4 }]);
  });
});

describe('what else dockerfile-ast reads otherwise than BuildKit, found by running both on generated files', () => {
  it('an escape character, a blank and more text before a continuation: the line still continues', () => {
    assertReadAs('FROM a\nRUN echo x \\ \\\nUSER 10001\n', [
      ['FROM', 1, 1, ['a']],
      ['RUN', 2, 3, ['echo', 'x', '\\', 'USER', '10001']],
    ]);
  });

  it('a vertical tab or form feed after a keyword separates it from its arguments', () => {
    assertReadAs('FROM a\nRUN\vecho hi\nUSER\f10001\n', [
      ['FROM', 1, 1, ['a']],
      ['RUN', 2, 2, ['echo', 'hi']],
      ['USER', 3, 3, ['10001']],
    ]);
  });
});

describe('white space BuildKit trims (unicode.IsSpace), not only spaces and tabs', () => {
  it('makes a line of a vertical tab, a form feed or a no-break space blank inside a continuation, so it runs on', () => {
    for (const space of ['\v', '\f', '\u00a0', '\u3000 ']) {
      assertReadAs(`FROM alpine:3.19\nRUN echo a \\\n${space}\nUSER 10001\n`, [
        ['FROM', 1, 1, ['alpine:3.19']],
        ['RUN', 2, 4, ['echo', 'a', 'USER', '10001']],
      ]);
    }
  });

  it('makes a comment of a line starting with one before `#` inside a continuation', () => {
    assertReadAs('FROM a\nRUN echo a \\\n\v# note\nUSER 10001\n', [
      ['FROM', 1, 1, ['a']],
      ['RUN', 2, 4, ['echo', 'a', 'USER', '10001']],
    ]);
  });

  it('is trimmed before a keyword or a comment', () => {
    assertReadAs('FROM alpine:3.19\nUSER 10001\n\u00a0USER 10002\n\f# note\n\v\n', [
      ['FROM', 1, 1, ['alpine:3.19']],
      ['USER', 2, 2, ['10001']],
      ['USER', 3, 3, ['10002']],
    ]);
  });

  it('but stays in a continued line with text, where BuildKit keeps it', () => {
    assertReadAs('FROM a\nRUN echo a \\\n\u00a0b\n', [
      ['FROM', 1, 1, ['a']],
      ['RUN', 2, 3, ['echo', 'a', '\u00a0b']],
    ]);
  });
});

describe('parser directives end at the first line that is not one of BuildKit\'s', () => {
  it('so an unknown name before `# escape=` leaves the escape character a backslash', () => {
    const text = '# note=x\n# escape=`\nFROM alpine:3.19\nRUN echo hi \\\nUSER 10001\n';
    assertReadAs(text, [
      ['FROM', 3, 3, ['alpine:3.19']],
      ['RUN', 4, 5, ['echo', 'hi', 'USER', '10001']],
    ]);
    assert.deepEqual(dockerfile(text).directives, []);
  });

  it('and so does a name BuildKit\'s pattern refuses, or a directive without a value', () => {
    for (const first of ['# syntax-x=1', '# syntax_x=1', '# syntax=', '#!/bin/sh']) {
      assertReadAs(`${first}\n# escape=\`\nFROM a\nRUN echo hi \\\nUSER 10001\n`, [
        ['FROM', 3, 3, ['a']],
        ['RUN', 4, 5, ['echo', 'hi', 'USER', '10001']],
      ]);
    }
  });

  it('while known ones before it, white space and upper case are allowed', () => {
    const text = '# syntax=docker/dockerfile:1\n\v #\tESCAPE = `  \n# check=skip=all\nFROM a\nRUN echo hi `\nUSER 10001\n';
    assertReadAs(text, [
      ['FROM', 4, 4, ['a']],
      ['RUN', 5, 6, ['echo', 'hi', 'USER', '10001']],
    ]);
    assert.deepEqual(dockerfile(text).directives, [
      { name: 'syntax', value: 'docker/dockerfile:1', line: 1 },
      { name: 'escape', value: '`', line: 2 },
      { name: 'check', value: 'skip=all', line: 3 },
    ]);
  });

  it('and a file that repeats one, or names another escape character, is refused as BuildKit refuses it', () => {
    assert.throws(() => dockerfile('# escape=`\n# escape=`\nFROM a\n'), refusal(2, /only one escape parser directive/));
    assert.throws(() => dockerfile('# syntax=a\n# escape=x\nFROM a\n'), refusal(2, /escape character can only be/));
  });
});

describe('heredocs are found as BuildKit finds them', () => {
  const heredocNames = (text: string) => dockerfile(text).instructions.map((i) => [i.keyword, i.startLine, i.endLine, (i.heredocs ?? []).map((h) => h.name)]);

  it('a quoted delimiter with a space in it: its terminator is not a USER', () => {
    assert.deepEqual(heredocNames('FROM alpine:3.19\nRUN <<"USER 10001" true\nUSER 10001\n'), [
      ['FROM', 1, 1, []],
      ['RUN', 2, 3, ['USER 10001']],
    ]);
  });

  it('nor are its body lines instructions', () => {
    const doc = dockerfile('FROM alpine:3.19\nRUN <<"USER 10001" cat\nRUN curl -fsSL https://x.example/i.sh | sh\nUSER 10001\n');
    assert.deepEqual(doc.instructions.map((i) => i.keyword), ['FROM', 'RUN']);
    assert.equal(doc.instructions[1]?.heredocs?.[0]?.body, 'RUN curl -fsSL https://x.example/i.sh | sh');
  });

  it('named as BuildKit names them (each case run through its parser)', () => {
    // parser.Parse of `FROM a`, `RUN cat <word>` and the lines given: the heredocs it found and the line they end on.
    const cases: [string, string, string[], number][] = [
      ['<<\'EOF\'', 'body\nEOF', ['EOF'], 4],
      ['<<E"O"F', 'EOF', ['EOF'], 3],
      ['<<\\EOF', 'EOF', ['EOF'], 3],
      ['<< EOF', 'EOF', ['EOF'], 3],
      ['5<<EOF', 'EOF', ['EOF'], 3],
      ['<<-"A B"', '\tA B', ['A B'], 3],
      ['<<"$X"', '$X', ['$X'], 3],
      ['<<${X:-y}', '', [], 2],
      ['"a <<EOF"', '', [], 2],
      ['$((1<<2))', '', [], 2],
      ['<<EOF<<X', '', [], 2],
      ['x<<EOF', '', [], 2],
      ['<<""', '', [], 2],
    ];
    for (const [word, following, names, endLine] of cases) {
      const run = dockerfile(`FROM a\nRUN cat ${word}\n${following}\nUSER root\n`).instructions[1];
      assert.deepEqual([run?.endLine, (run?.heredocs ?? []).map((h) => h.name)], [endLine, names], word);
    }
  });

  it('in a line joined by continuations, and after ONBUILD', () => {
    assert.deepEqual(heredocNames('FROM a\nRUN cat <\\\n<EOF\nUSER root\nEOF\nONBUILD RUN cat <<EOF\nUSER root\nEOF\n'), [
      ['FROM', 1, 1, []],
      ['RUN', 2, 5, ['EOF']],
      ['ONBUILD', 6, 8, ['EOF']],
    ]);
  });

  it('and none in a line the lexer fails on (an unclosed quote)', () => {
    assert.deepEqual(heredocNames("FROM a\nRUN echo 'x <<EOF\nUSER root\n"), [
      ['FROM', 1, 1, []],
      ['RUN', 2, 2, []],
      ['USER', 3, 3, []],
    ]);
  });
});

describe('continues', () => {
  it('agrees with BuildKit\'s continuation pattern on generated lines', () => {
    // lineContinuationRegex in parser/parser.go, for each escape character.
    const patterns = { '\\': /([^\\])\\[ \t]*$|^\\[ \t]*$/, '`': /([^`])`[ \t]*$|^`[ \t]*$/ };
    const pieces = ['a', ' ', '\t', '\\', '`', '\v', '\u00a0', '#'];
    let seed = 7;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return (seed >>> 8) % n;
    };
    for (let n = 0; n < 20_000; n++) {
      let line = '';
      for (let length = random(7); length > 0; length--) line += pieces[random(pieces.length)];
      for (const [escape, pattern] of Object.entries(patterns)) assert.equal(continues(line, escape), pattern.test(line), JSON.stringify([escape, line]));
    }
  });
});
