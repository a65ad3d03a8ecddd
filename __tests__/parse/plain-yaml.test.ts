import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readComposeTreeWithLibrary } from '../../src/parse/compose.js';
import { readPlainYaml } from '../../src/parse/compose/plain-yaml.js';
import type { MapTree, SeqTree, Tree } from '../../src/parse/compose/tree.js';
import { decodeText } from '../../src/parse/decode-text.js';

/** The tree as plain data (maps as entry lists), to compare and to print. */
function data(tree: Tree): unknown {
  if (tree.kind === 'map') return { map: [...tree.entries].map(([key, value]) => [key, data(value)]), lines: [tree.loc.startLine, tree.loc.endLine] };
  if (tree.kind === 'seq') return { seq: tree.items.map(data), lines: [tree.loc.startLine, tree.loc.endLine] };
  return { value: tree.value, lines: [tree.loc.startLine, tree.loc.endLine] };
}

const library = (text: string): Tree => readComposeTreeWithLibrary('compose.yaml', decodeText('compose.yaml', new TextEncoder().encode(text)));
const plain = (text: string): Tree | undefined => readPlainYaml('compose.yaml', text);

/** Whether the plain reader answers for `text`; when it does, its tree must be the library's (which must not refuse the text). */
function agrees(text: string, label = JSON.stringify(text)): boolean {
  const ours = plain(text);
  if (ours === undefined) return false;
  let theirs: Tree;
  try {
    theirs = library(text);
  } catch (thrown) {
    assert.fail(`${label}: read as plain YAML, but the library refuses it: ${(thrown as Error).message}`);
  }
  assert.deepEqual(ours, theirs, label);
  return true;
}

describe('readPlainYaml', () => {
  it('reads block mappings and sequences, one-line scalars and flow sequences, located as the library locates them', () => {
    const text = [
      '# a comment first',
      'version: "3.8"',
      'services:',
      '  web:',
      "    image: 'nginx:1.27'   # pinned",
      '    ports:',
      '      - "80:80"',
      '      - 443',
      '    command: ["nginx", "-g", \'daemon off;\']',
      '    environment:',
      '    - A=1',
      '    - B=two words',
      '    healthcheck:',
      '      test: [CMD, curl, -f, http://localhost]',
      '      interval: 30s',
      '',
      '  db:',
      '    image: postgres:16',
      '    volumes:',
      '      - source: data',
      '        target: /var/lib/postgresql/data',
      '      - ./init:/docker-entrypoint-initdb.d',
      'volumes:',
      '  data:',
      '',
    ].join('\n');
    assert.ok(agrees(text));
    assert.deepEqual(data(plain(text)!), data(library(text)));
  });

  it('types plain values and keys as the YAML 1.2 core schema does', () => {
    for (const text of ['---\na: 1\n', '# c\n---\n# d\na: 1\n', '---a: 1\n', '....: 1\n', 'a: [a,b]\n', 'a: [ "x" , \'y\' ]\n', 'a: [http://x:80/y, a:b, -x]\n', 'a: b, c # d: e\n', '"": 1\n', 'a: \'\'\n', 'a:\n  -  b: 1\n     c: 2\n']) {
      assert.ok(agrees(text), text);
    }
    for (const value of ['~', 'null', 'Null', 'NULL', 'true', 'True', 'FALSE', 'yes', 'on', '0', '-12', '+7', '007', '3.8', '.5', '-1.', '12345678901234567890', '0o17', '0o8', '0x1F', '0xg', '1e3', '-2.5E-3', '1e', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '-.nan', '1_000', 'v1.2', '1.2.3', '-x', 'a#b', 'a:b', 'http://x/y?z=1']) {
      assert.ok(agrees(`a: ${value}\n${value}: b\n`), value);
    }
    assert.deepEqual(data(plain('a: 3.8\n80: x\n~: y\n')!), {
      map: [['a', { value: 3.8, lines: [1, 1] }], ['80', { value: 'x', lines: [2, 2] }], ['', { value: 'y', lines: [3, 3] }]],
      lines: [1, 3],
    });
  });

  it('widens a collection over the comments the library gives it where it ends', () => {
    const endings = [
      'a:\n  b: 1\n  # c\nd: 2\n',
      'a:\n  b: 1\n    # deeper\nd: 2\n',
      'a: 1\n# end\n',
      'a:\n  b: 1\n  # end\n',
      'a:\n  - x\n  # c\nd: 1\n',
      'a:\n- x\n  # c\nd: 1\n',
      'a:\n- x\n# c\n',
      'a:\n  - x\n  # c\n',
      'a:\n  b:\n    c: 1\n      # six\n  # two\n    # four\nd: 1\n',
      'a:\n  b:\n    c: 1\n  # two\n      # six\nd: 1\n',
      'a:\n  b:\n    c: 1\n      # six\n\n  # two\n  e: 1\n',
      'a:\n  b:\n  - c\n  # two\n  e: 1\n',
      'a:\n  - b:\n      c: 1\n        # eight\n    # four\n  - d\n',
      'a:\n  - b:\n      c: 1\n   # three\n  - d\n',
      'a:\n  b: [x]\n    # after a flow sequence\nc: 1\n',
    ];
    for (const text of endings) assert.ok(agrees(text), text);
    // The library's lines for the first of them: `a` over its content only, the comment left out.
    assert.deepEqual(data(plain(endings[6] as string)!), data(library(endings[6] as string)));
  });

  it('places an empty value on its key\'s line, and a sequence may sit at its key\'s indentation', () => {
    for (const text of ['a:\nb: 1\n', 'a:   \nb: 1\n', 'a: # c\nb: 1\n', 'a:\n# c\nb: 1\n', 'a:\n- x\n- y\nb:\n  - z\n', 'a:\n  # first\n  b: 1\n', 'a: # c\n  b: 1\n']) {
      assert.ok(agrees(text), text);
    }
  });

  it('applies the escapes of double-quoted scalars, in keys and flow sequences too', () => {
    const text = 'a: "tab\\there \\"q\\" \\\\ \\/ \\x41\\u00e9\\U0001F600 \\N\\_\\L\\P\\0\\e"\n"k\\"x": 1\nb: ["\\x2c", "\\"]"]\n';
    assert.ok(agrees(text), text);
    const tree = plain(text);
    assert.equal(tree?.kind === 'map' ? (tree.entries.get('a') as { value: unknown }).value : null, 'tab\there "q" \\ / Aé😀 \u0085\u00a0\u2028\u2029\0\x1b');
  });

  it('reads literal and folded block scalars, their `#` lines and blank lines included', () => {
    const text = [
      'services:',
      '  web:',
      '    command: |',
      '      set -e',
      '      # a line of the script, not a comment',
      '',
      '        indented further',
      '      echo done   ',
      '',
      '    entrypoint:',
      '      - >-',
      '        one',
      '        two',
      '',
      '        three',
      '      - x',
      '    healthcheck: # a comment',
      '      test: > # after a header',
      '        curl',
      '',
    ].join('\n');
    assert.ok(agrees(text), text);
    const web = (plain(text) as MapTree).entries.get('services') as MapTree;
    const service = web.entries.get('web') as MapTree;
    assert.equal((service.entries.get('command') as { value: unknown }).value, 'set -e\n# a line of the script, not a comment\n\n  indented further\necho done   \n');
    assert.deepEqual(((service.entries.get('entrypoint') as SeqTree).items[0] as { value: unknown }).value, 'one two\nthree');
  });

  it('gives the library\'s tree for 10,000 generated block scalars', () => {
    let seed = 0xb10c;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return (seed >>> 8) % n;
    };
    const headers = ['|', '|-', '>', '>-', '|+', '|2', '| # c', '|#c', '>-1', '| x'];
    const contents = ['text', 'two words', '# hash', 'a: b', '- item', '  more', '   ', '', 'trailing  ', '"q"', "'s'", 'k: |'];
    let read = 0;
    for (let n = 0; n < 10_000; n++) {
      const asItem = random(2) === 0;
      const indent = ' '.repeat(2 + random(3));
      const lines = asItem ? ['a:', `  - ${headers[random(headers.length)]}`] : [`a: ${headers[random(headers.length)]}`];
      for (let k = random(5); k >= 0; k--) {
        const content = contents[random(contents.length)] as string;
        lines.push(content === '' ? '' : `${random(6) === 0 ? ' ' : ''}${asItem ? '  ' : ''}${indent}${content}`);
      }
      lines.push(['b: 1', '# after', '', '  c: 2', '- d'][random(5)] as string, '');
      if (agrees(lines.join('\n'), `block ${n}: ${JSON.stringify(lines.join('\n'))}`)) read++;
    }
    assert.ok(read > 1_000, `${read} of 10,000 read`);
  });

  it('reads the empty flow mapping, and leaves any other to the library', () => {
    const read = ['networks: {}\n', 'a: { }   # none\nb: 1\n', 'a:\n  - {}\n  - x\n', 'a:\n  - k: {}\n    l: 2\n', 'a:\n- {}\n'];
    for (const text of read) assert.ok(agrees(text), JSON.stringify(text));
    const networks = (plain(read[0] as string) as MapTree).entries.get('networks') as MapTree;
    assert.equal(networks.kind, 'map');
    assert.equal(networks.entries.size, 0);
    for (const text of ['a: {b: 1}\n', 'a: {} x\n', 'a: {}#c\n', 'a: {\n', 'a: [{}]\n', 'a: { }}\n']) assert.equal(plain(text), undefined, JSON.stringify(text));
  });

  it('leaves to the library what it does not read whole', () => {
    const others = [
      'a: &x 1\nb: *x\n', // anchors and aliases
      'a:\n  <<: {b: 1}\n', // merge keys, flow mappings
      'a: !reset null\n', // tags
      'a: |+\n  text\n\n', // a block scalar keeping its last line breaks
      'a: |2\n    text\n', // one with an indentation indicator
      'a: >\n  one\n    more indented\n', // a folded one with a line indented further
      'a:\n  b: |\n    text\n  # after\nc: 1\n', // a comment line just after one
      'a: one\n  two\n', // a plain scalar on two lines
      'a: "one\n  two"\n', // a quoted one
      'a: "\\q"\n', // an escape YAML does not define (an error)
      'a: "\\ud800"\n', // a lone surrogate
      'a: "\\x4"\n', // too few hex digits (an error)
      'a:\tb\n', // tabs
      'a: 1\r\nb: 2\r\n', // carriage returns
      '\uFEFFa: 1\n', // a byte-order mark
      '---\na: 1\n---\nb: 2\n', // two documents (an error)
      '--- # c\na: 1\n', // a marker with more on its line
      'a: 1\na: 2\n', // a repeated key
      '--- a: 1\n', // a document marker before content
      'a: 1\n...\n', // a document's end
      'a: [-1, -]\n', // a `-` as a flow item (an error)
      'a: [a: b]\n', // a pair in a flow sequence
      'a:\n  b:\n  # c\nd: 1\n', // comments after an empty last value
      'a: b: c\n', // a mapping nested on one line (an error)
      'a:\n  b: 1\n c: 2\n', // indentation it does not expect (an error)
      '- a\n', // not a mapping (an error)
      '  a: 1\n', // an indented top level
      '',
      `${'k'.repeat(1_100)}: 1\n`, // a key longer than YAML allows (an error)
      `a: [${'1,'.repeat(100_000)}1]\n`, // more tokens than the library reads (an error)
    ];
    for (const text of others) assert.equal(plain(text), undefined, JSON.stringify(text.slice(0, 40)));
  });

  it('reads the largest files it takes in time that grows with their size, not its square', () => {
    // 0.2–1.8 MB each, near the most lines it takes (see the next test). Lines without a `:` or a `#`
    // after them are where a search for one ran on to the end of the file: at 128 KiB that took 2.7 s
    // for the first, rather than ~50 ms.
    const large = [
      `a:\n${'- x\n'.repeat(49_000)}`,
      Array.from({ length: 49_000 }, (_, i) => `k${i}: v\n`).join(''),
      `a:\n${Array.from({ length: 49_000 }, (_, i) => `- k: v${i}\n`).join('')}`,
      `a: [${'1,'.repeat(99_000)}1]\n`,
      `${'# a comment\n'.repeat(150_000)}a: 1\n`,
    ];
    const started = performance.now();
    for (let round = 0; round < 2; round++) for (const text of large) assert.ok(plain(text), `${text.length} bytes given up on`);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 5_000, `${elapsed.toFixed(0)} ms for 10 files of 0.2–1.8 MB`);
  });

  it('reads files past 128 KiB to the library\'s tree, a compose file of 2,000 services among them', () => {
    const services = Array.from({ length: 2_000 }, (_, i) =>
      [`  svc${i}:`, `    image: registry.example.com/team/svc${i}:1.${i}.0`, '    environment:', `      PEER: svc${i + 1}`, `    ports: ["127.0.0.1:${10_000 + i}:8080"]`, '    read_only: true'].join('\n'),
    );
    const text = `services:\n${services.join('\n')}\n`;
    assert.ok(text.length > 256 * 1024, `${text.length} bytes`);
    assert.ok(agrees(text, '2,000 services'), 'given up on');
  });

  it('leaves a file to the library once its lines could hold more tokens than the library reads, which refuses it if they do', () => {
    // `- k: v` is four tokens (`-`, `k`, `:`, `v`), the most a line it reads holds; the library reads
    // 200,000 (MAX_YAML_CONTENT_TOKENS), and 50,000 such lines and their key are 200,002.
    const past = `a:\n${'- k: v\n'.repeat(50_000)}`;
    assert.equal(plain(past), undefined);
    assert.throws(() => library(past), /too large to read: past 200000 values/);
    // Just under, the reader still leaves it (it counts each line's most), and the library reads it.
    const under = `a:\n${'- k: v\n'.repeat(49_999)}`;
    assert.equal(plain(under), undefined);
    assert.equal((library(under) as MapTree).entries.size, 1);
    // Flow sequences are counted item by item (a comma after each, and the line's most besides): 99,996
    // items are read, 99,999 and their commas, brackets and key (200,001 tokens) are too many.
    assert.ok(agrees(`a: [${'1,'.repeat(99_995)}1]\n`, '99,996 flow items'));
    const flowPast = `a: [${'1,'.repeat(99_998)}1]\n`;
    assert.equal(plain(flowPast), undefined);
    assert.throws(() => library(flowPast), /too large to read/);
    // An empty flow mapping is two tokens more: `- k: {}` is five.
    const emptyMaps = `a:\n${'- k: {}\n'.repeat(40_000)}`;
    assert.equal(plain(emptyMaps), undefined);
    assert.throws(() => library(emptyMaps), /too large to read/);
    // Comment lines count one each, so that what the reader holds of a file stays bounded.
    const comments = `${'#\n'.repeat(250_000)}a: 1\n`;
    assert.equal(plain(comments), undefined);
    assert.equal((library(comments) as MapTree).entries.size, 1);
  });

  it('leaves files larger than the default size limit to the library', () => {
    const text = `a: ${'x'.repeat(2 * 1024 * 1024)}\n`;
    assert.equal(plain(text), undefined);
    assert.equal(((library(text) as MapTree).entries.get('a') as { value: string }).value.length, 2 * 1024 * 1024);
  });

  const corpus = '../shared/corpus/real/compose/';
  const yamlFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(entry) ? [path] : [];
    });

  it('gives the library\'s tree for every real compose file it reads, and reads most of them', { skip: !existsSync(corpus) && `corpus folder ${corpus} is missing` }, () => {
    let read = 0;
    const files = yamlFiles(corpus);
    for (const path of files) if (agrees(readFileSync(path, 'utf8'), path)) read++;
    assert.ok(read > files.length * 0.7, `${read} of ${files.length} read`);
  });

  it('gives the library\'s tree, or none, for 4,000 variants of real files with lines moved, commented, retyped or broken', { skip: !existsSync(corpus) && `corpus folder ${corpus} is missing` }, () => {
    // A fixed seed, so that a failure can be replayed; each variant is named with its failure.
    let seed = 0x51ed;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return (seed >>> 8) % n;
    };
    const files = yamlFiles(corpus)
      .map((path) => readFileSync(path, 'utf8'))
      .filter((text) => plain(text) !== undefined && text.length < 6_000);
    const pieces = ['', ' ', '  ', '# note', '- x', 'k: v', 'k:', ': v', '-', '"q"', "'it''s'", '~', '0', '1.5', 'true', '.inf', '-.nan', '0x1F', '0o7', '1e3', '1e',  'a: b: c', '&x', '*x', '!t', '|', '{a: 1}', '<<: x', '--- ', '---', '...', '"a\\"b"', '"\\x41\\u00e9\\U0001F600"', '"\\q"', '"\\', '"\\ud800"', '"a\\\\"', '"\\N\\_"', '"\\x4"', '"k\\"x": v', "'k''x': v", '"\\\\": v', '|', '|-', '>', '>-', '|+', '| # c'];
    const flow = ['[a, b]', '[]', '[ ]', '[-]', '[a, -]', '[-a, -1]', '[a,]', '[a b]', '[a, [b]]', '[a: b]', '[a:b]', '[http://h:1/p]', '["x" , \'y\']', '[a #b]', '[a] b', '[a', "['']", '{}', '{ }', '{}  # c', '{}#c', '{} x', '{ a }', '{a: 1}', '{', '{}}', '[{}]'];
    let read = 0;
    for (let n = 0; n < 4_000; n++) {
      const lines = (files[random(files.length)] as string).split('\n');
      for (let edits = 1 + random(3); edits > 0; edits--) {
        if (lines.length === 0) lines.push('');
        const at = random(lines.length);
        const line = lines[at] as string;
        const indent = ' '.repeat(random(9));
        switch (random(6)) {
          case 0: lines.splice(at, 0, ...Array.from({ length: 1 + random(3) }, () => (random(4) ? `${' '.repeat(random(9))}# inserted` : ''))); break;
          case 1: lines[at] = `${indent}${line.trimStart()}`; break;
          case 2: lines[at] = `${line}${pieces[random(pieces.length)]}`; break;
          case 3: lines[at] = line.replace(/: .*$/, `: ${random(2) ? pieces[random(pieces.length)] : flow[random(flow.length)]}`); break;
          case 4: lines.splice(at, 0, `${indent}${pieces[random(pieces.length)]}`); break;
          default: lines.splice(at, 1); break;
        }
      }
      if (agrees(lines.join('\n'), `variant ${n}`)) read++;
    }
    assert.ok(read > 1_000, `${read} of 4,000 variants read`);
  });
});
