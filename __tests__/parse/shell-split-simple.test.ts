import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { splitSimpleCommands } from '../../src/parse/shell/split-simple.js';
import { dockerfile } from './helpers.js';
import { assertSameAsParser } from './shell-split-helpers.js';

test('simple lists split like the shell parser: words, lines, pipelines', () => {
  const scripts = [
    'apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*',
    'a | b | c && d; e & f\ng || h',
    'A=1 B="x y" cmd "$A" \'$B\' ${C:-d e} $1 $@ >/dev/null 2>&1 <in',
    'echo "a\\"b\\\nc" a\\ b \\$x c\\\\d',
    'a # comment\n# another\n\nb;c',
    'x=1 | y\nA=1\n> out',
    'curl -fsSL https://x/y.sh | sh -s -- --yes',
    'a &>log &&\n  b >>log',
    'a $(b | c) d | e "$(f "g")"',
    'A=$(x) y && export B="$(z)" C',
  ];
  for (const script of scripts) assert.ok(assertSameAsParser(script), `not handled by the fast path: ${script}`);
});

test('redirections and fd variables split like the shell parser', () => {
  // The walk visits a command's redirections after all its words, wherever they stand.
  assert.ok(assertSameAsParser('a >$(b) $(c) 2>"$(d)" e'));
  assert.ok(assertSameAsParser('>$(b) a $(c)'));
  // `{fd}>file` names the redirection's fd variable; it is not a word of the command.
  const fdVariable = splitSimpleCommands('a {fd}>f b');
  assert.ok(fdVariable === undefined || assertSameAsParser('a {fd}>f b'));
});

test('what the fast path does not follow is left to the shell parser', () => {
  const outside = [
    'echo $(( (1 + 2) ))', '((x++))', 'let x=1', 'arr=(1 2) a', 'a[1]=x b', 'echo "unterminated', 'a &&', '| a', 'a ;; b',
    '[[ $x =~ ^a ]]', 'time a', 'function f { a; }', 'for ((i = 0; i < 3; i++)); do a; done', 'select x in a; do b; done',
    'coproc a', 'echo ${!x*}', 'a\r\nb', 'echo "${x:-"y"}"', 'a\\', 'echo `a \\` b`', 'if a; then b', 'cat <<EOF',
    'cat <<EOF\nx', 'x=$(cat <<EOF) y\nbody\nEOF', 'a | ! b', '! ! a', 'f\\\ni x', '!(a)', 'a<(b)',
  ];
  for (const script of outside) assert.equal(splitSimpleCommands(script), undefined, script);
  // Nesting deeper than the fast path follows (its recursion is bounded) is the full parser's too.
  assert.equal(splitSimpleCommands(`echo ${'$('.repeat(40)}x${')'.repeat(40)}`), undefined);
  assert.equal(splitSimpleCommands(`${'if a; then '.repeat(40)}b${'; fi'.repeat(40)}`), undefined);
  assert.equal(splitSimpleCommands(`${'f() '.repeat(20000)}a`), undefined);
});

// Scripts from a small shell grammar, with words drawn from the awkward cases (quotes, escapes,
// expansions, keywords, redirections, comments): whenever the fast path answers, it must agree.
const wordPart = fc.constantFrom(
  'a', 'apt-get', '-y', '--opt=1', 'X=1', 'if', 'export', '{', '}', '!', 'in', 'done', '#', '#c', '"q w"', "'s q'",
  '"a\\"b"', '\\ ', '\\\\', '\\$', '$V', '${V}', '${V:-x y}', '$1', '$@', '$', '"$V"', '~', '*.txt', 'a=b', '2',
  '"\\\n"', '\\\n', '$(x)', '`x`', '(', ')', 'é', '[', ']]', '[[', '$(a | b c)', '"$(x "y")"', '$(a && b)',
  '$(export A=1)', 'local', 'declare', 'A=$(x)', '$( a )', '$()', '$((1))', '$(x)\\\n',
);
const word = fc.array(wordPart, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(''));
const redirect = fc.constantFrom('>f', '2>&1', '>> log', '< in', '&>/dev/null', '>&2', '<<EOF', '<<<x', '>|f');
const command = fc
  .array(fc.oneof({ weight: 5, arbitrary: word }, { weight: 1, arbitrary: redirect }), { minLength: 1, maxLength: 5 })
  .map((items) => items.join(' '));
const separator = fc.constantFrom(' && ', ' || ', '; ', ' & ', ' | ', '\n', ' \\\n  ', ' &&\n', ' # note\n', ';;', '|&');
const script = fc
  .tuple(command, fc.array(fc.tuple(separator, command), { maxLength: 6 }), fc.constantFrom('', ';', '\n', ' &', ' &&'))
  .map(([first, rest, end]) => first + rest.map(([sep, cmd]) => sep + cmd).join('') + end);

test('property: on generated scripts the fast path agrees with the shell parser whenever it answers', () => {
  let answered = 0;
  fc.assert(
    fc.property(script, (text) => {
      if (assertSameAsParser(text)) answered++;
    }),
    { numRuns: 20000, seed: 8 },
  );
  // The generator is not so hostile that the fast path never answers (which would prove nothing).
  assert.ok(answered > 300, `fast path answered only ${answered} of 3000 scripts`);
});

const CORPUS = '../shared/corpus/real/dockerfiles/';

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => (statSync(join(dir, entry)).isDirectory() ? filesUnder(join(dir, entry)) : [join(dir, entry)]));
}

/**
 * Every shell-form RUN of every corpus Dockerfile, as the shell sees it (keyword and flags blanked out,
 * continuation lines kept), and once more with comment lines dropped as BuildKit drops them.
 */
function runScripts(text: string): string[] {
  const document = dockerfile(text);
  const scripts: string[] = [];
  for (const instruction of document.instructions) {
    if (instruction.keyword !== 'RUN' || instruction.form !== 'shell') continue;
    const raw = document.lines.slice(instruction.startLine - 1, instruction.endLine).join('\n');
    const flags = Object.keys(instruction.flags).length;
    const prefix = new RegExp(`^\\s*\\S+(?:(?:\\s|\\\\\\n)+--\\S*){${flags}}`).exec(raw)?.[0] ?? '';
    const script = prefix.replace(/[^\n]/g, ' ') + raw.slice(prefix.length);
    const withoutComments = script.split('\n').filter((line) => !/^\s*#/.test(line)).join('\n');
    scripts.push(...(withoutComments === script ? [script] : [script, withoutComments]));
  }
  return scripts;
}

test('differential: every RUN script of the real corpus splits identically through the fast path', (t) => {
  if (!existsSync(CORPUS)) {
    t.skip(`corpus not found at ${CORPUS} (it lives beside the repository); nothing to compare`);
    return;
  }
  let scripts = 0;
  let fast = 0;
  for (const path of filesUnder(CORPUS)) {
    let found: string[];
    try {
      found = runScripts(readFileSync(path, 'utf8'));
    } catch {
      continue; // a Dockerfile the project's parser rejects has no RUN scripts to compare
    }
    for (const text of found) {
      scripts++;
      try {
        if (assertSameAsParser(text)) fast++;
      } catch (error) {
        assert.fail(`${path}: ${(error as Error).message}`);
      }
    }
  }
  t.diagnostic(`${fast} of ${scripts} RUN scripts took the fast path`);
  assert.ok(scripts > 1000, `only ${scripts} RUN scripts found under ${CORPUS}`);
});

test('declaration builtins are commands, and assignments before a command are kept with it, as the shell parser reads them', () => {
  const scripts = [
    'export NODE_TLS_REJECT_UNAUTHORIZED=0 PATH="/x:$PATH" B && npm ci',
    'declare -x A=1 && local B+=2; readonly C',
    'GIT_SSL_NO_VERIFY=1 A="b c" git clone https://x/r.git',
    'X=$(curl -fsSL https://x) sh -c "$X"',
  ];
  for (const script of scripts) assert.ok(assertSameAsParser(script), `not handled by the fast path: ${script}`);
  assert.deepEqual(
    splitSimpleCommands(scripts[0] as string)?.map((c) => c.words),
    [['export', 'NODE_TLS_REJECT_UNAUTHORIZED=0', 'PATH=/x:$PATH', 'B'], ['npm', 'ci']],
  );
  assert.deepEqual(splitSimpleCommands(scripts[2] as string)?.[0]?.assignments, ['GIT_SSL_NO_VERIFY=1', 'A=b c']);
  assert.equal(splitSimpleCommands('a b')?.[0]?.assignments, undefined, 'absent when there are none');
});

test('a simple command keeps its redirections, with the descriptor written before each, as the shell parser reads them', () => {
  const scripts = [
    'curl -fsSL https://x/a.tgz > /tmp/a.tgz 2>/dev/null && tar xzf /tmp/a.tgz',
    'wget -qO- https://x/b >> "$HOME/b.sh" 2>&1 | tee log',
    '> out cmd <in 3<> rw &>all &>>more >|clobber 4>&-',
    'cat <<EOF > out\nbody\nEOF',
    'grep x <<< "$V" > hits',
  ];
  for (const script of scripts) assert.ok(assertSameAsParser(script), `not handled by the fast path: ${script}`);
  assert.deepEqual(splitSimpleCommands(scripts[0] as string)?.[0]?.redirects, [
    { op: '>', to: '/tmp/a.tgz' },
    { op: '>', fd: 2, to: '/dev/null' },
  ]);
  assert.deepEqual(splitSimpleCommands(scripts[1] as string)?.[0]?.redirects, [
    { op: '>>', to: '$HOME/b.sh' },
    { op: '>&', fd: 2, to: '1' },
  ]);
  assert.deepEqual(splitSimpleCommands(scripts[2] as string)?.[0]?.redirects?.map((r) => r.op), ['>', '<', '<>', '&>', '&>>', '>|', '>&']);
  assert.deepEqual(splitSimpleCommands(scripts[3] as string)?.[0]?.redirects, [{ op: '>', to: 'out' }], 'a heredoc is its body, not a file');
  assert.deepEqual(splitSimpleCommands(scripts[4] as string)?.[0]?.redirects, [{ op: '>', to: 'hits' }], 'a here-string is data, not a file');
  assert.equal(splitSimpleCommands('{ curl u; } > f')?.[0]?.redirects, undefined, "a group's redirections are not its commands'");
  assert.equal(splitSimpleCommands('a b')?.[0]?.redirects, undefined, 'absent when there are none');
});
