import fc from 'fast-check';

// Dockerfile-shaped text: real keywords and the tokens the parsers treat specially (flags, stage names,
// variables, quotes, JSON arrays, heredocs, continuations, escape directives), in random order, with
// every kind of line ending. Random text alone rarely reaches past the first line of a parser.

const KEYWORDS = [
  'FROM', 'RUN', 'USER', 'COPY', 'ADD', 'ARG', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'CMD', 'ENTRYPOINT', 'WORKDIR',
  'SHELL', 'ONBUILD', 'STOPSIGNAL', 'LABEL', 'VOLUME', 'MAINTAINER', 'from', 'Run', 'user', 'NOTAKEYWORD',
];

const TOKENS = [
  'node:20', 'ubuntu', 'alpine:latest', 'scratch', 'builder', 'AS', 'as', 'base', '$BASE', '${BASE}', '${TAG:-1.0}',
  '${X:?}', '${', '}', '$', '--platform=$BUILDPLATFORM', '--from=builder', '--chown=1000:1000', '--mount=type=cache,target=/x',
  '--mount=type=secret,id=a', '--network=none', '--link', '--chmod=755', '--interval=5s', 'NONE', 'root', '0', '0:0', '1000',
  'app', 'curl', 'http://example.com/x.tar.gz', 'https://get.example.sh', '|', 'sh', 'bash', '-c', '&&', '||', ';', '&',
  '(', ')', '$(id -u)', '`id`', '"', "'", '"quoted value"', "'single'", '["sh", "-c", "echo hi"]', '[', ']', '["a",',
  '{}', '=', 'A=1', 'B="two words"', 'C=', '<<EOF', '<<-END', "<<'EOF'", '<<"EOF"', '<<', '<<<', 'EOF', 'END', '2>&1',
  '>', '/dev/null', '\\', '`', '#', 'apt-get', 'install', '-y', 'update', 'rm', '-rf', '/var/lib/apt/lists/*', 'chmod', '777',
  'sudo', 'wget', '-O-', 'ssh', 'sed', "'s/a/b/'", 'if', 'then', 'fi', 'for', 'do', 'done', 'case', 'esac', '{', 'ä', '🐳', '\t',
  'x'.repeat(300), '::error::injected', '<script>alert(1)</script>', '%0A', '\u200b',
];

const word = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

const args = fc.array(word, { maxLength: 8 }).map((w) => w.join(' '));

const line = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(fc.constantFrom(...KEYWORDS), args).map(([k, a]) => `${k} ${a}`) },
  { weight: 3, arbitrary: args.map((a) => `${a} \\`) },
  { weight: 1, arbitrary: args.map((a) => `${a} \``) },
  { weight: 2, arbitrary: fc.constantFrom('EOF', 'END', '\tEOF', '') },
  { weight: 1, arbitrary: fc.constantFrom('# syntax=docker/dockerfile:1', '# escape=`', '# escape=\\', '# check=skip=all', '# comment', '#') },
  { weight: 1, arbitrary: fc.constantFrom('   ', '\t\\', '\\') },
  { weight: 1, arbitrary: args },
);

// A lone CR is rare: the parser refuses the whole file at the first one, which would leave most
// generated files unread.
const ending = fc.oneof(
  { weight: 60, arbitrary: fc.constant('\n') },
  { weight: 20, arbitrary: fc.constant('\r\n') },
  { weight: 1, arbitrary: fc.constant('\r') },
);

/** A Dockerfile-like text of up to 40 lines, each with its own line ending, sometimes with a BOM. */
export const dockerfileText = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(line, ending), { minLength: 1, maxLength: 40 }), fc.boolean())
  .map(([bom, lines, finalNewline]) => {
    const text = lines.map(([l, e]) => l + e).join('');
    return (bom ? '\ufeff' : '') + (finalNewline ? text : text.replace(/(\r\n|\r|\n)$/, ''));
  });
