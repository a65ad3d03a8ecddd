import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeText } from '../../src/parse/decode-text.js';
import { toInstructions, type InstructionView } from '../../src/parse/dockerfile-instructions.js';
import { parseWithLibrary } from '../../src/parse/dockerfile-library-views.js';
import { textForLibrary, unmaskLibraryText } from '../../src/parse/dockerfile-library-text.js';
import { readPlainInstructions } from '../../src/parse/dockerfile-plain.js';

const linesOf = (text: string) => decodeText('Dockerfile', Buffer.from(text)).lines;

/** Every answer a view gives, as plain data, with what the library read of its masked text restored. */
function answers(view: InstructionView): unknown {
  const unmask = (text: string) => unmaskLibraryText(text, '\\');
  return {
    startLine: view.startLine,
    parsedEndLine: view.parsedEndLine,
    keyword: view.keyword,
    flags: view.flags().map((flag) => ({ name: flag.name, value: flag.value === null ? null : unmask(flag.value) })),
    properties: view.properties()?.map(unmask) ?? null,
    args: view.argumentsWithLines().map((arg) => ({ ...arg, value: unmask(arg.value) })),
  };
}

/**
 * Compares our reading of a file with dockerfile-ast's reading of the text masked for it, answer by answer
 * and as converted to the policy input; 'gave up' when our reader leaves the file to the library.
 */
function compareWithLibrary(text: string, label: string): 'same' | 'gave up' {
  const lines = linesOf(text);
  const ours = readPlainInstructions(lines);
  if (ours === null) return 'gave up';
  const library = parseWithLibrary(`${(textForLibrary(lines, '\\') ?? lines).join('\n')}\n`);
  assert.equal(library.escape, '\\', `${label}: the library read another escape character`);
  assert.deepEqual(
    ours.map((view) => answers(view)),
    library.views.map((view) => answers(view)),
    `${label}: ${JSON.stringify(text)}`,
  );
  assert.deepEqual(toInstructions(ours, lines, '\\'), toInstructions(library.views, lines, library.escape), label);
  return 'same';
}

describe('readPlainInstructions', () => {
  it('reads keywords, lines, flags and arguments', () => {
    const views = readPlainInstructions(linesOf('FROM node:20 AS build\n\n# a comment\ncopy --from=build --chown=1:1 /a \\\n    /b\nRUN --mount=type=cache,target=/x npm ci\n')) ?? [];
    assert.deepEqual(
      views.map((view) => answers(view)),
      [
        { startLine: 1, parsedEndLine: 1, keyword: 'FROM', flags: [], properties: null, args: [{ value: 'node:20', line: 1 }, { value: 'AS', line: 1 }, { value: 'build', line: 1 }] },
        {
          startLine: 4,
          parsedEndLine: 5,
          keyword: 'COPY',
          flags: [{ name: 'from', value: 'build' }, { name: 'chown', value: '1:1' }],
          properties: null,
          args: [{ value: '/a', line: 4 }, { value: '/b', line: 5 }],
        },
        { startLine: 6, parsedEndLine: 6, keyword: 'RUN', flags: [{ name: 'mount', value: 'type=cache,target=/x' }], properties: null, args: [{ value: 'npm', line: 6 }, { value: 'ci', line: 6 }] },
      ],
    );
  });

  it('reads properties: plain, quoted, over several lines, and the old one-line form', () => {
    const properties = (text: string) => readPlainInstructions(linesOf(text))?.map((view) => view.properties());
    assert.deepEqual(properties('ENV A=1 B="two words" C=\'x\'\n'), [['A=1', 'B=two words', 'C=x']]);
    assert.deepEqual(properties('LABEL a=1 \\\n      b=2\n'), [['a=1', 'b=2']]);
    assert.deepEqual(properties('ENV PATH   /usr/local/bin:$PATH  \n'), [['PATH=/usr/local/bin:$PATH']]);
    assert.deepEqual(properties('ARG VERSION\n'), [['VERSION']]);
  });

  it('keeps comment and blank lines inside a continuation, and ends a continuation that runs off the file one line past it', () => {
    const views = readPlainInstructions(linesOf('RUN a \\\n# note\n\n  b\nRUN c \\\n')) ?? [];
    assert.deepEqual(views.map((view) => [view.startLine, view.parsedEndLine]), [[1, 4], [5, 6]]);
  });

  it('gives up on what only the library reads', () => {
    for (const text of [
      'RUN <<EOF\necho hi\nEOF\n', // a heredoc
      '# escape=`\nRUN a `\n  b\n', // another escape character
      '\uFEFF\uFEFFRUN a\n', // a byte order mark left after decoding (it drops one)
      'RUN a\\ b\n', // an escape character before a blank and more text
      'RUN a \\\n  \\#b\n', // a continued line that starts with one
      'RU\\\nN a\n', // one in a keyword
      'COPY a--b --from=x c d\n', // a flag after an argument the library passes over
      'COPY --chown=a\\\nb c d\n', // a flag broken by a continuation
    ]) {
      assert.equal(readPlainInstructions(linesOf(text)), null, JSON.stringify(text));
    }
  });

  it('reads a flag written without a value as the library does: no value, and the next word an argument', () => {
    for (const text of ['COPY --from build /a /b\n', 'COPY --link --chown 1:1 a b/\n', 'COPY --from= a b\n']) {
      assert.equal(compareWithLibrary(text, text), 'same');
    }
    const [copy] = readPlainInstructions(linesOf('COPY --from build /a /b\n')) ?? [];
    assert.ok(copy);
    assert.deepEqual(answers(copy), {
      startLine: 1,
      parsedEndLine: 1,
      keyword: 'COPY',
      flags: [{ name: 'from', value: null }],
      properties: null,
      args: [{ value: 'build', line: 1 }, { value: '/a', line: 1 }, { value: '/b', line: 1 }],
    });
  });

  it('leaves the properties it does not read to the library, which gives the same answers', () => {
    for (const text of ["ENV A 'x y'\n", 'ENV A=x\\y\n', 'LABEL a="b"c\n', 'ENV A=1 \\\n# c\n  B=2\n', 'ENV A=x\\\nB=y\n', 'ENV =x\n']) {
      assert.equal(compareWithLibrary(text, text), 'same');
    }
  });
});

describe('readPlainInstructions on large files', () => {
  it('reads them in time that grows with their size, not its square', () => {
    // ~0.5–1 MB each, the shapes that send work elsewhere: one RUN continued 50,000 times (every argument
    // located), and 40,000 properties or `<` lines that the library is asked about one instruction at a time.
    const large = [
      `FROM scratch\nRUN echo a \\\n${'  && echo b \\\n'.repeat(50_000)}  && true\n`,
      `FROM scratch\n${"ENV a 'b' \\\n  c=d\n".repeat(20_000)}`,
      `FROM scratch\n${'RUN cat \\\n  < /dev/null\n'.repeat(20_000)}`,
    ];
    const started = performance.now();
    for (const text of large) {
      const lines = linesOf(text);
      const views = readPlainInstructions(lines);
      assert.ok(views, `${text.length} bytes given up on`);
      assert.ok(toInstructions(views, lines, '\\').length > 1);
    }
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 10_000, `${elapsed.toFixed(0)} ms for 3 files of ~0.5–1 MB`);
  });

  it('reads a LABEL of 350,000 properties on one line (more than a call takes as arguments)', () => {
    const lines = linesOf(`FROM scratch\nLABEL ${'a=b '.repeat(350_000)}\n`);
    const views = readPlainInstructions(lines);
    assert.equal(views?.[1]?.properties()?.length, 350_000);
  });
});

describe('readPlainInstructions gives what dockerfile-ast gives', () => {
  const roots = ['../shared/corpus/real/dockerfiles', '../shared/corpus/labelled'];
  it('for every Dockerfile of the corpus, reading most of them itself', { skip: !roots.every(existsSync) && 'the corpus is missing' }, () => {
    const walk = (path: string): string[] => (statSync(path).isDirectory() ? readdirSync(path).flatMap((entry) => walk(join(path, entry))) : [path]);
    let same = 0;
    let gaveUp = 0;
    for (const path of roots.flatMap(walk)) {
      let text: string;
      try {
        text = decodeText(path, readFileSync(path)).text;
      } catch {
        continue; // not text: the decoder's own tests cover these
      }
      if (compareWithLibrary(text, path) === 'same') same++;
      else gaveUp++;
    }
    // The real corpus alone has 3,463 readable Dockerfiles, and this reader takes ~92% of them.
    assert.ok(same > 3_000 && same > 8 * gaveUp, `${same} read, ${gaveUp} left to the library`);
  });

  it('for 30,000 generated files built from the pieces that steer a Dockerfile\'s reading', () => {
    // A fixed seed, so that a failure can be replayed; each text is printed with its failure.
    let seed = 0x51c0de;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return (seed >>> 8) % n;
    };
    const pick = <T>(items: readonly T[]): T => items[random(items.length)] as T;
    const keywords = ['RUN', 'run', 'COPY', 'ADD', 'FROM', 'ENV', 'ARG', 'LABEL', 'HEALTHCHECK', 'CMD', 'ENTRYPOINT', 'USER', 'WORKDIR', 'EXPOSE', 'ONBUILD', 'SHELL', 'VOLUME', 'MAINTAINER', 'Env', 'X'];
    const words = ['a', 'b=c', 'A=1', 'A=', '--x', '--from=build', '--mount=type=cache,target=/x', '"q r"', "'s t'", 'N="v w"', "N='v'", 'N="a\'b"', "N='say \"hi\"'", '=x', '#', '# c', '\\', '\\ ', '\\  x', '\\\\', '"', "'", '$V', '${V}', 'CMD', 'none', 'a--b', '["x",', '"y"]', '[]', '<', 'é', 'N="', '`', 'x\u00a0', '\f', '\v', '\u2028', '\u3000y'];
    const joins = [' ', ' ', ' ', '\t', '', ' \\\n', '\\\n', ' \\ \n', ' \\\n\n', ' \\\n# comment\n', '\\\n  # c \\\n', ' \\\n   \n  ', '\n', ' \\\n\\\n', '\\\n\t\n'];
    const heads = ['', '', '# syntax=docker/dockerfile:1\n', '# escape=`\n', '\n', '  # c\n', '#x=y\n'];
    let same = 0;
    for (let n = 0; n < 30_000; n++) {
      let text = pick(heads);
      for (let count = 1 + random(3); count > 0; count--) {
        text += pick(keywords);
        for (let length = random(6); length > 0; length--) text += pick(joins) + pick(words);
        text += '\n';
      }
      if (random(5) === 0) text += 'RUN end \\\n';
      if (text.trim() === '') continue;
      if (compareWithLibrary(text, `case ${n}`) === 'same') same++;
    }
    assert.ok(same > 8_000, `${same} generated files read by the reader itself`);
  });
});
