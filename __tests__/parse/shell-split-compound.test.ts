import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitSimpleCommands } from '../../src/parse/shell/split-simple.js';
import { assertSameAsParser } from './shell-split-helpers.js';

// Each script must be taken by the fast path and split exactly as mvdan-sh splits it: which commands,
// in the order of its tree walk, their words, lines and pipelines.
function assertAllTaken(scripts: readonly string[]): void {
  for (const script of scripts) assert.ok(assertSameAsParser(script), `not handled by the fast path: ${JSON.stringify(script)}`);
}

test('if, while, until: conditions before bodies, elif and else in order', () => {
  assertAllTaken([
    'if [ -f x ]; then a | b; elif c; then d; else e && f; fi',
    'if ! command -v curl >/dev/null; then\n  apt-get install -y curl\nfi; g',
    'if a\nthen\n  b\nfi\n',
    'if (a) then b; fi',
    'if a; then ; fi',
    'if a; then\nfi',
    'while read -r l; do echo "$l"; done < <(find . -name "*.txt")',
    'until curl -f http://x; do sleep 1; done',
    'while a; do; done',
    'X=$(if [ "$(uname -m)" = x86_64 ]; then echo amd64; else echo arm64; fi) && y',
    'if a; then b;fi\\\n;c',
  ]);
});

test('for loops: the word list before the body', () => {
  assertAllTaken([
    'for i in a $(b) "c d"; do rm -f "$i" && ln -s /dev/null "$i"; done',
    'for x; do b; done',
    'for x\ndo b; done',
    'for x in; do b; done',
    'for f in \\\n  one \\\n  two \\\n; do \\\n  echo $f; \\\ndone',
    'for x in `ls`; do b; done',
  ]);
});

test('case: the word, then each item\'s patterns and commands', () => {
  assertAllTaken([
    'case "$(dpkg --print-architecture)" in\n  amd64) a=x86_64 ;;\n  arm64|aarch64) a=arm64 ;;\n  *) echo "unsupported" >&2; exit 1 ;;\nesac',
    'case x in esac',
    'case x in a) ;; esac',
    'case x in a) b; esac',
    'case x in (a) b;; esac',
    'case x\nin\na) b;;\nesac',
    'case $x in a) b ;& c) d ;;& *) e ;; esac | f',
    'x=$(case y in a) b;; esac)',
  ]);
});

test('groups, subshells, negation and functions', () => {
  assertAllTaken([
    '{ echo a; echo b; } > /etc/x.conf && (cd /src && make) | tee log',
    '{ a; b | c; } > f',
    '{ (a) }',
    '( )',
    '! a | b && ! c',
    '! (a)',
    'f() { local x="$1"; shift; g "$x"; }; f a b',
    'g ( )\n{ a; } && b',
    'foo-bar() echo hi',
    'f() { a; } | b',
  ]);
});

test('negation: a `!` marks every command whose status it inverts, through groups and loops, not through substitutions', () => {
  const cases: [string, string[]][] = [
    ["! { ldd x | grep 'not found'; }; y", ['ldd!', 'grep!', 'y']],
    ['! a | b && c | d', ['a!', 'b!', 'c', 'd']],
    ['if ! a | b; then c; fi', ['a!', 'b!', 'c']],
    ['! x "$(y | z)" | w', ['x!', 'y', 'z', 'w!']],
    ['a "$(! b | c)" `! d`', ['a', 'b!', 'c!', 'd!']],
    ['! while read l; do e "$l"; done < <(f)', ['read!', 'e!', 'f']],
    ['! ( g; h ) || i', ['g!', 'h!', 'i']],
  ];
  for (const [script, expected] of cases) {
    assert.ok(assertSameAsParser(script), `not handled by the fast path: ${JSON.stringify(script)}`);
    const commands = splitSimpleCommands(script) ?? [];
    assert.deepEqual(commands.map((c) => `${c.words[0]}${c.negated ? '!' : ''}`), expected, script);
  }
});

test('backquotes, $\'…\', process substitution, |&, heredocs', () => {
  assertAllTaken([
    'echo `date` "x `id -u`" ``',
    "echo $'a\\tb' $'q\\''",
    'diff <(a) >(b c) && cat < <(d)',
    'a |& b',
    'cat <<EOF | grep $(x)\n$(y)\nEOF\nz',
    "cat <<'EOF' > f\n$(not a command)\nEOF\ncat <<-EOF\n\tx ${y} `z`\n\tEOF\nw",
    'a <<A <<B\n$(c)\nA\n$(d)\nB',
    '    <<EOT\n  set -e\n  if [ -n "$(git status --porcelain)" ]; then\n    exit 1\n  fi\nEOT',
    'a <<<"$(b)"',
    'while read x; do echo $x; done <<EOF\n$(ls)\nEOF',
  ]);
});

test('expansions and first words the full parser reads plainly', () => {
  assertAllTaken([
    'echo ${1:-} ${a:+"x/$a"} "${a:-b}" ${a:-\'x y\'} ${a#$b} ${10}',
    '[Net.ServicePointManager]::SecurityProtocol = 1',
    'X=$(if [ a ]; then b; fi) c',
    'echo\\\n hi',
    'echo $a\\"x $(a)\\\nb',
  ]);
});

test('syntax errors, and joins the fast path does not follow, are left to the shell parser', () => {
  const errors = [
    'if a; then b; fi c', '{a;}', 'fi', 'then a', 'a; done', 'esac', '{ a', '( a', 'if a; then b; else c',
    'for x in a b do c; done', 'case x in a) b', 'while a; b; done', 'f()', 'a && }', 'a | ! b', '! ! a',
    'case x in a) (b;; esac', 'cat <<EOF\nx\nEOF ', 'for 1 in a; do b; done', '`a', 'echo $(a',
    // Not errors, but continuations inside words that mvdan-sh joins (`f\` + newline + `i` is `fi`).
    'ech\\\no hi', 'if a; then b; f\\\ni',
  ];
  for (const script of errors) assert.equal(splitSimpleCommands(script), undefined, script);
});

// Words drawn mostly from ordinary shell and sometimes from the awkward cases (reserved words in odd
// places, stray parentheses, unbalanced quoting), in scripts built from every construct the fast
// path follows, some of them nested.
const plainWord = fc.constantFrom(
  'a', 'apt-get', '-y', '--opt=1', 'X=1', 'A=$(x)', 'B="$(y z)"', '"q w"', "'s q'", '"a\\"b"', '\\ ', '\\$', '$V', '${V}',
  '${V:-x y}', '${1:-}', '${V:+"u/$V"}', '$1', '$@', '"$V"', '~', '*.txt', '2', '$(x)', '$(a | b c)', '"$(x "y")"',
  '$(a && b)', '$(if a; then b; fi)', '`x`', '`a | b`', '"`c d`"', "$'a\\n'",
);
const awkwardWord = fc.constantFrom(
  '$', '\\\n', '$()', '$((1))', '``', "$'q\\''", '<(p)', '<(p)x', '>(q r)', '(', ')', '!(g)', 'if', 'then', 'elif', 'fi',
  'do', 'done', 'case', 'esac', 'in', 'else', '{', '}', '!', '[[', 'export', 'local', 'let', '[a]=b', '{fd}', '#c', ';;',
  '"${V:-"x"}"', 'x|y', '[x',
);
const redirect = fc.constantFrom('>f', '2>&1', '>> log', '< in', '&>/dev/null', '>&2', '<<<x', '>$(o)', '< <(p q)', '2>"$(e)"');
const usualSeparator = fc.constantFrom(' && ', ' || ', '; ', ' & ', ' | ', '\n', ' &&\n', ' # note\n', ';\n', ' |& ', ' | \\\n  ');
const awkwardSeparator = fc.constantFrom(';;', ' ;& ', ' ! ', ' then ', '; fi ', ' } ', ') ', ' \\\n  ', '\n$(m\nEOF\n)\nEOF\n');
const listEnd = fc.constantFrom('; ', '\n', ' &\n', ';\n\n');
const heredocs = fc.constantFrom(
  'cat <<EOF | a $(b)\nbody $(h) `k`\nEOF\nt', "cat <<'EOF' >f\n$(no)\nEOF\nt", 'cat <<-EOF\n\tx ${y}\n\tEOF\nt',
  'a <<A <<B\n$(c)\nA\n$(d)\nB\nt', 'cat <<EOF\na\\\nEOF\nEOF\nt',
);

/** Scripts of every construct the fast path follows, nested; an awkward word or separator one time in `oneIn`. */
function scripts(oneIn: number): fc.Arbitrary<string> {
  const rarely = <T>(usual: fc.Arbitrary<T>, awkward: fc.Arbitrary<T>): fc.Arbitrary<T> =>
    fc.oneof({ weight: oneIn - 1, arbitrary: usual }, { weight: 1, arbitrary: awkward });
  const word = fc.array(rarely(plainWord, awkwardWord), { minLength: 1, maxLength: 2 }).map((parts) => parts.join(''));
  const simple = fc
    .tuple(word, fc.array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: redirect }), { maxLength: 3 }))
    .chain(([first, rest]) => fc.constantFrom(' ', ' \\\n  ').map((gap) => [first, ...rest].join(gap)));
  const separator = rarely(usualSeparator, awkwardSeparator);
  const pattern = rarely(fc.constantFrom('a)', '(b|c)', '*)', '"q")', '$(p))'), fc.constantFrom('esac)', ')', 'a'));
  const maybe = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
    fc.oneof({ weight: 2, arbitrary }, { weight: 1, arbitrary: fc.constant(null) });
  return fc.letrec<{ script: string; statement: string }>((tie) => {
    const list = tie('script');
    const statement = tie('statement');
    const body = fc.tuple(list, listEnd).map(([text, end]) => text + end);
    return {
      script: fc
        .tuple(statement, fc.array(fc.tuple(separator, statement), { maxLength: 3 }))
        .map(([first, rest]) => first + rest.map(([sep, next]) => sep + next).join('')),
      statement: fc.oneof(
        { maxDepth: 3, depthIdentifier: 'statement', withCrossShrink: true },
        { weight: 5, arbitrary: simple },
        { weight: 1, arbitrary: body.map((inner) => `{ ${inner}}`) },
        { weight: 1, arbitrary: list.map((inner) => `( ${inner} )`) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(body, body, maybe(fc.tuple(body, body)), maybe(body), fc.constantFrom('', ' >log', ' | tail', ' 2>$(e)'))
            .map(([cond, then, elif, otherwise, tail]) =>
              `if ${cond}then ${then}${elif ? `elif ${elif[0]}then ${elif[1]}` : ''}${otherwise ? `else ${otherwise}` : ''}fi${tail}`),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom('while', 'until'), body, body, fc.constantFrom('', ' < <(r)', ' | x'))
            .map(([keyword, cond, inner, tail]) => `${keyword} ${cond}do ${inner}done${tail}`),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom('for x in a $(b) "c d"; ', 'for x; ', 'for x\n', 'for i in `l`\n', 'for i in\n'), body)
            .map(([head, inner]) => `${head}do ${inner}done`),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(word, fc.array(fc.tuple(pattern, list, fc.constantFrom(';;', ' ;;\n', ';&', ';;&', '\n')), { maxLength: 3 }))
            .map(([subject, items]) => `case ${subject} in\n${items.map(([p, inner, end]) => `${p} ${inner}${end}`).join(' ')} esac`),
        },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom('f()', 'g ( )', 'h()\n'), body).map(([head, inner]) => `${head} { ${inner}}`) },
        { weight: 1, arbitrary: simple.map((inner) => `! ${inner}`) },
        { weight: 1, arbitrary: statement.map((inner) => `! ${inner}`) },
        { weight: 1, arbitrary: list.map((inner) => `X=$( ${inner} ) y`) },
        { weight: 1, arbitrary: heredocs },
      ),
    };
  }).script;
}

test('property: on generated scripts with control structures the fast path agrees with the shell parser whenever it answers', () => {
  let answered = 0;
  fc.assert(
    fc.property(scripts(40), (text) => {
      if (assertSameAsParser(text)) answered++;
    }),
    { numRuns: 500, seed: 8 },
  );
  // About three in five of these scripts are valid shell: the fast path must take most of those to prove anything.
  assert.ok(answered > 200, `fast path answered only ${answered} of 500 scripts`);
});

test('property: with awkward words and separators common, it still agrees whenever it answers', () => {
  let answered = 0;
  fc.assert(
    fc.property(scripts(5), (text) => {
      if (assertSameAsParser(text)) answered++;
    }),
    { numRuns: 3000, seed: 8 },
  );
  assert.ok(answered > 300, `fast path answered only ${answered} of 3000 scripts`);
});
