import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadComposeFile, loadComposeProject } from '../../src/parse/compose/load-project.js';
import { readComposeTreeWithLibrary } from '../../src/parse/compose.js';
import { readPlainYaml } from '../../src/parse/compose/plain-yaml.js';
import type { Tree } from '../../src/parse/compose/tree.js';
import { decodeText } from '../../src/parse/decode-text.js';
import type { DockerfileDocument } from '../../src/parse/input-document.js';
import type { EmbeddedDockerfile } from '../../src/parse/parsed-file.js';
import { composeLine, literalFirstLine } from '../../src/parse/compose/inline-dockerfiles.js';

const enc = (text: string) => new TextEncoder().encode(text);

function context(files: Record<string, string>) {
  return { readFile: async (path: string) => (path in files ? enc(files[path] as string) : Promise.reject(new Error(`${path} does not exist in the workspace`))) };
}

async function embeddedOf(files: Record<string, string>, main = 'compose.yaml'): Promise<readonly EmbeddedDockerfile[]> {
  return (await loadComposeFile(main, enc(files[main] as string), context(files))).embedded ?? [];
}

const docOf = (e: EmbeddedDockerfile | undefined) => e?.parsed?.document as DockerfileDocument;

const LITERAL = [
  'services:', //                         1
  '  app:', //                            2
  '    build:', //                        3
  '      context: .', //                  4
  '      dockerfile_inline: |', //        5
  '        FROM node:${NODE}', //         6
  '        # a comment', //               7
  '', //                                  8
  '        RUN echo $$HOME', //           9
  '      # not the scalar\'s', //        10
  '    read_only: true', //              11
  '',
].join('\n');

test('a literal block: interpolated as compose does, its lines the compose file\'s one for one', async () => {
  const [one, ...rest] = await embeddedOf({ 'compose.yaml': LITERAL, '.env': 'NODE=20\n' });
  assert.equal(rest.length, 0);
  assert.deepEqual([one?.service, one?.path, one?.keyLine, one?.firstLine, one?.error], ['app', 'compose.yaml', 5, 6, undefined]);
  const doc = docOf(one);
  // `$$` is compose's escape of `$`, and ${NODE} comes from the .env beside the file.
  assert.deepEqual(doc.instructions.map((i) => [i.keyword, i.value, composeLine(one as EmbeddedDockerfile, i.startLine)]), [
    ['FROM', 'node:20', 6],
    ['RUN', 'echo $HOME', 9],
  ]);
});

test('the yaml library and the plain reader place a literal block the same', () => {
  // Without the comment line after the block, which the plain reader leaves to the library.
  const text = decodeText('compose.yaml', enc(LITERAL.split('\n').filter((line) => !line.includes('not the scalar')).join('\n')));
  const where = (tree: Tree) => {
    const scalar = ['services', 'app', 'build', 'dockerfile_inline'].reduce<Tree | undefined>((node, key) => (node?.kind === 'map' ? node.entries.get(key) : undefined), tree);
    return [scalar?.loc.startLine, scalar?.loc.endLine];
  };
  assert.notEqual(readPlainYaml('compose.yaml', text.text), undefined, 'the plain reader reads it');
  assert.deepEqual(where(readPlainYaml('compose.yaml', text.text) as Tree), [5, 9]);
  assert.deepEqual(where(readComposeTreeWithLibrary('compose.yaml', text)), [5, 9]);
});

test('quoted, flow and folding scalars and aliases are reported at the key\'s line', async () => {
  const files = {
    'compose.yaml': [
      'x-df: &df "FROM a\\nUSER root\\n"',
      'services:',
      '  flow:',
      '    build: {context: ., dockerfile_inline: "FROM node:latest\\nRUN curl -fsSL https://x.example/i.sh | sh\\nUSER root\\n"}',
      '  folded:',
      '    build:',
      '      dockerfile_inline: >',
      '        FROM a',
      '',
      '        USER root',
      '  alias:',
      '    build:',
      '      dockerfile_inline: *df',
      '',
    ].join('\n'),
  };
  const found = await embeddedOf(files);
  assert.deepEqual(
    found.map((e) => [e.service, e.keyLine, e.firstLine, docOf(e).instructions.length]),
    [
      ['flow', 4, undefined, 3],
      ['folded', 7, undefined, 2],
      ['alias', 13, undefined, 2],
    ],
  );
});

test('literalFirstLine: only when the content spans exactly the value\'s lines', () => {
  const lines = ['    dockerfile_inline: |-  # the image', '      FROM a', '      USER b'];
  assert.equal(literalFirstLine(lines, { startLine: 1, endLine: 3 }, 'FROM a\nUSER b'), 2);
  // Trailing blank lines kept by `|+` are past the value's last line with content.
  assert.equal(literalFirstLine(['dockerfile_inline: |+', '  FROM a'], { startLine: 1, endLine: 2 }, 'FROM a\n\n\n'), 2);
  // A folded scalar that folds nothing maps too; an interpolated line break would shift the lines.
  assert.equal(literalFirstLine(['dockerfile_inline: >', '  FROM a'], { startLine: 1, endLine: 2 }, 'FROM a\n'), 2);
  assert.equal(literalFirstLine(['dockerfile_inline: |', '  FROM ${X}'], { startLine: 1, endLine: 2 }, 'FROM a\nUSER b\n'), undefined);
  assert.equal(literalFirstLine(['dockerfile_inline: "FROM a"'], { startLine: 1, endLine: 1 }, 'FROM a'), undefined);
});

test('a value set in an override file is placed in that file', async () => {
  const files = {
    'compose.yaml': 'services:\n  app:\n    image: a:1\n',
    'compose.override.yaml': 'services:\n  app:\n    build:\n      dockerfile_inline: |\n        FROM b\n',
  };
  const parsed = await loadComposeProject(['compose.yaml', 'compose.override.yaml'], context(files));
  assert.deepEqual(parsed.embedded?.map((e) => [e.path, e.keyLine, e.firstLine]), [['compose.override.yaml', 4, 5]]);
});

test('what compose refuses, and a Dockerfile that does not parse, are errors at the compose file\'s line', async () => {
  const files = {
    'compose.yaml': [
      'services:',
      '  number:',
      '    build: {dockerfile_inline: 12}',
      '  empty:',
      '    build: {dockerfile_inline: "  "}',
      '  both:',
      '    build: {dockerfile: Dockerfile, dockerfile_inline: "FROM a"}',
      '  broken:',
      '    build:',
      '      dockerfile_inline: |',
      '        FROM a',
      '        FROM',
      '',
    ].join('\n'),
  };
  const errors = (await embeddedOf(files)).map((e) => [e.service, e.path, e.error?.line, e.parsed === undefined]);
  assert.deepEqual(errors, [
    ['number', 'compose.yaml', 3, true],
    ['empty', 'compose.yaml', 5, true],
    ['both', 'compose.yaml', 7, true],
    ['broken', 'compose.yaml', 12, true],
  ]);
  const messages = (await embeddedOf(files)).map((e) => e.error?.message ?? '');
  assert.match(messages[0] ?? '', /service "number".*a number; compose requires the Dockerfile's content as a string/);
  assert.match(messages[1] ?? '', /empty/);
  assert.match(messages[2] ?? '', /mutually exclusive/);
  assert.match(messages[3] ?? '', /^Inline Dockerfile of service "broken" \(build\.dockerfile_inline\), its line 2: malformed FROM/);
});
