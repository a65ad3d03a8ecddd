import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitSimpleCommands } from '../../src/parse/shell/split-simple.js';
import { splitWithShellParser } from '../../src/parse/shell/split-commands.js';
import { assertSameAsParser } from './shell-split-helpers.js';

// The expressions the fast path follows (test clauses, arrays, arithmetic) and the word forms around
// them: each script must be taken by it and split exactly as mvdan-sh splits it.
function assertAllTaken(scripts: readonly string[]): void {
  for (const script of scripts) assert.ok(assertSameAsParser(script), `not handled by the fast path: ${JSON.stringify(script)}`);
}

test('[[ ]] tests run no command; the substitutions in their words do', () => {
  assertAllTaken([
    'if [[ ! -e /usr/bin/python ]];        then ln -sf /usr/bin/python2.7 /usr/bin/python; fi',
    'if [[ -v WIPE_CACHE ]]; then \\\n  >&2 echo "Wiping cache"; \\\nfi; \\\n: ;',
    '[[ -n "$(a)" && $(b) == c* || ! ! -z `d` ]] | e',
    '[[ a ]] && [[ == ]] && [[ -e -e ]] && [[ "$x" != *.txt ]] > f',
    '[[ 1 -eq 2 || a -nt b || x = y ]]; z',
    'x=$([[ -d x ]] && b) && [[ -f \\\n  y ]]',
    'while [[ -z "$(c)" ]]; do d; done',
  ]);
});

test('array assignments: their elements are words, with commands only in substitutions', () => {
  assertAllTaken([
    'declare -A X; \\\nX=(\\\n  [3.7]="nad@python.org" \\\n  [3.10]=b \\\n); \\\necho "${X[$K]}" ${X[@]} ${X[1]}',
    'X=(a $(b) "c d") Y=1 && X+=(e)',
    'X=(\n  # first\n  a # the a\n  [1]=`c`\n) Z=(); f',
    'X=([k]=$(c) [$k]=d) >log',
  ]);
});

test('indirect and indexed expansions, escapes in ${…} operands, literal $', () => {
  assertAllTaken([
    'URL_VAR="url_${ARCH}" && agent_url="${!URL_VAR}" && curl -o /a "${agent_url}" ${!URL_VAR}',
    'temp="${L%\\"}" && temp="${temp#\\"}" && echo ${a%\\}} "${a/\\//x}"',
    'cat <<EOF\ns|^/var/log/x.log {$|/y {|\nEOF\necho a$|b "x$/y" $. $:',
  ]);
});

test('backquotes: comments inside, keywords before the closing one', () => {
  assertAllTaken([
    'a && \\\n    `# below binaries are used by the installer` \\\n    /stage.sh /bin/dash',
    'echo "" > /x && \\\n    `# We skip the check `\\\n    /installer.sh ${SKIP} && \\\n    /clean.sh',
    'echo a \\\n    `# Pin to the last release` \\\n    `# with a "quote" in it` \\\n    && b',
    'a `b # c` d && e `f # g\nh`',
    'composer install \\\n    `if [ "$TESTING" != "true" ]; then echo "--no-dev"; fi`',
  ]);
});

test('$((…)) with operands and + - * / %: the commands of its substitutions, in order', () => {
  assertAllTaken([
    'make DESTDIR="/clamav" -j$(($(nproc) - 1)) install \\\n  && rm -r /x',
    'echo $((1+2)) "$(( a * $b / ${c} % 4 - $(d e) ))" x$((1))y',
    'cat <<EOF\n$((1 + $(a)))\nEOF',
  ]);
});

test('what stays with the shell parser: regexes, most arithmetic, other test and array forms', () => {
  const outside = [
    '[[ a =~ b ]]', '[[ a < b ]]', '[[ ( a ) ]]', '[[ a\n]]', '[[ a &&\nb ]]', '[[ !x ]]', '[[ -e ]] ]]', 'echo `[[ a ]]`',
    'X=(a)b', 'X=([a b]=1)', 'X=([k]= a)', 'X=(a=(b))', 'X=(a; b)', 'echo `X=(a)`', 'cat <<EOF; X=(\na\nEOF\n)',
    'echo $((a++))', 'echo $(( (1) ))', 'echo $((1 ** 2))', 'echo $((-1))', 'echo $((0x1))', 'echo $((1 +\n2))',
    'echo $((a)|b)', 'echo $((1 <<2))', '((x = 1))', 'echo "${!x*}" ${x[1+2]}', 'echo "a $ b"', 'echo $[1]', 'if a; then b; fi`c`',
  ];
  for (const script of outside) assert.equal(splitSimpleCommands(script), undefined, script);
  // Errors in these forms are the shell parser's to report.
  for (const script of ['[[ ]]', '[[ -n ]]', '[[ a b ]]', '[[ a == b == c ]]', '[[ -R == x ]]', 'X=(a) b', 'X=([)']) {
    assert.equal(splitSimpleCommands(script), undefined, script);
    assert.equal(splitWithShellParser(script).ok, false, script);
  }
});

// Test clauses and arrays built from plain and awkward pieces, among commands and separators: whenever
// the fast path answers, it must agree.
const operand = fc.constantFrom(
  'a', '"$x"', '$(b c)', '`d`', '*.txt', '"q w"', '-e', '==', ']]', '!', '!x', '(', 'a\\\nb', '$(e | f)', '"${!V}"',
  '1', 'a<b', 'x]]', '[[', '"${a%\\"}"', '$|', '$((1 + $(a)))',
);
const unary = fc.constantFrom('-e', '-f', '-v', '-n', '-z', '-a', '-o', '-R', '-x', '-q', '!');
const binary = fc.constantFrom('==', '=', '!=', '-eq', '-nt', '-lt', '=~', '<', '-a', '-q', '==\\\n', '');
const test1 = fc.oneof(
  fc.tuple(unary, operand).map(([op, word]) => `${op} ${word}`),
  fc.tuple(operand, binary, operand).map(([x, op, y]) => `${x} ${op} ${y}`),
  operand,
);
const join = fc.constantFrom(' && ', ' || ', ' &&\n', ' \\\n && ', ' ', ' ! ');
const testClause = fc
  .tuple(fc.array(fc.tuple(test1, join), { maxLength: 2 }), test1, fc.constantFrom(' ]]', ']]', ' ]]x', '\n]]', ' ]] >f'))
  .map(([first, last, end]) => `[[ ${first.map(([t, j]) => t + j).join('')}${last}${end}`);
const element = fc.constantFrom(
  'a', '"b c"', '$(d)', '[3.7]="e"', '[3.10]=f', '[k]=$(g h)', '[$k]=i', '[a b]=1', '[', '\n', '# c\n', '\\\n', '(', 'j=(k)',
  '`l`', '[k]=', ';', '"${X[$K]}"', '$(($(m) * 2))',
);
const array = fc
  .tuple(fc.constantFrom('X=(', 'X+=(', 'X=( '), fc.array(element, { maxLength: 4 }), fc.constantFrom(')', ') Y=1', ')z', ') z', ') >f', ''))
  .map(([open, elements, close]) => open + elements.join(' ') + close);
const command = fc.constantFrom(
  'a', 'b $(c) d', 'echo "${!U}" ${X[@]} ${X[$K]}', '`# note` e', 'f `g # h`', '`# x`\\\n/y z', 'declare -A X', ': ',
  '>&2 echo w', 'echo a$|b', 'x=`if a; then b; fi`', 'make -j$(($(nproc) - 1))', 'echo $((a-1)) $(( $(b) %$c))',
  'echo $((1 -- 2))', 'echo "$((x))" $((2*(3)))',
);
const statement = fc.oneof(
  { weight: 2, arbitrary: command },
  { weight: 2, arbitrary: testClause },
  { weight: 2, arbitrary: array },
  { weight: 1, arbitrary: testClause.map((clause) => `if ${clause}; then c; fi`) },
  { weight: 1, arbitrary: array.map((assign) => `X=$(${assign})`) },
);
const separator = fc.constantFrom(' && ', '; ', ' | ', '\n', ' \\\n  && ', ' || ', ';\\\n', ' ');
const script = fc
  .tuple(statement, fc.array(fc.tuple(separator, statement), { maxLength: 3 }))
  .map(([first, rest]) => first + rest.map(([sep, next]) => sep + next).join(''));

test('property: with test clauses, arrays and arithmetic, the fast path agrees with the shell parser whenever it answers', () => {
  let answered = 0;
  fc.assert(
    fc.property(script, (text) => {
      if (assertSameAsParser(text)) answered++;
    }),
    { numRuns: 4000, seed: 8 },
  );
  assert.ok(answered > 300, `fast path answered only ${answered} of 4000 scripts`);
});
