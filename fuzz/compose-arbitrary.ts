import fc from 'fast-check';

// Compose projects as text: several files that refer to each other through `extends`, `include` and the
// override file, with anchors, aliases, merge keys, interpolation and `.env` files. References may point
// at missing files, out of the workspace, or back at themselves, which is the point.

/** Files a generated project may hold; `compose.yaml` is the one checked. */
export const PROJECT_FILES = ['compose.yaml', 'compose.override.yaml', 'base.yaml', 'inc/other.yaml'] as const;

const SCALARS = [
  'nginx', 'nginx:1.27', 'nginx:latest', '"${IMAGE}"', '"${IMAGE:-redis}:${TAG:-7}"', '${TAG:?tag is required}', '"$$HOME"',
  '"${"', '"${A:-${B:-${C}}}"', "'${NOT_INTERPOLATED_IN_SINGLE}'", 'true', 'false', '"yes"', 'no', 'null', '~', '0', '-1',
  '1e309', '0x1F', '"1000:1000"', 'root', '"0"', '/var/run/docker.sock:/var/run/docker.sock', '"./data:/data:ro"', '8080:80',
  '"127.0.0.1:53:53/udp"', '2g', '512m', '1.5', '10s', '1h2m', '!reset null', '!override', '*anchor0', '*missing', '"::error::x"',
  '"<img src=x onerror=alert(1)>"', '"a\\nb"', '"\\u0000"', '|', '>-', '[]', '{}', '[a, b', '{a: 1', '"🐳"',
];

const KEYS = [
  'image', 'privileged', 'user', 'volumes', 'ports', 'cap_add', 'cap_drop', 'network_mode', 'pid', 'ipc', 'security_opt',
  'read_only', 'environment', 'env_file', 'healthcheck', 'mem_limit', 'cpus', 'deploy', 'build', 'command', 'devices',
  'userns_mode', 'x-extra', '<<', 'extends', 'depends_on', 'restart', 'tmpfs', 'sysctls', 'labels', '"quoted key"', '? complex',
];

const EXTENDS_FILES = ['base.yaml', 'inc/other.yaml', 'compose.yaml', 'missing.yaml', '../outside.yaml', '/etc/shadow', '~/x.yaml', 'git@github.com:a/b.git'];
const INCLUDES = ['inc/other.yaml', 'base.yaml', 'compose.yaml', '../escape.yaml', '/etc/passwd', 'missing.yaml', 'oci://registry/x', ''];

const indent = (depth: number) => '  '.repeat(depth);
const scalar = fc.constantFrom(...SCALARS);

/** One service attribute: a scalar, a list, a nested mapping, a merge or an `extends`. */
const attribute = (depth: number) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...KEYS), scalar).map(([k, v]) => `${indent(depth)}${k}: ${v}`) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.array(scalar, { maxLength: 4 })).map(
        ([k, vs]) => `${indent(depth)}${k}:\n${vs.map((v) => `${indent(depth + 1)}- ${v}`).join('\n')}`,
      ),
    },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.array(scalar, { maxLength: 3 })).map(([k, vs]) => `${indent(depth)}${k}: [${vs.join(', ')}]`) },
    { weight: 2, arbitrary: fc.nat(3).map((n) => `${indent(depth)}<<: *anchor${n}`) },
    { weight: 1, arbitrary: fc.array(fc.nat(3), { minLength: 1, maxLength: 3 }).map((ns) => `${indent(depth)}<<: [${ns.map((n) => `*anchor${n}`).join(', ')}]`) },
    { weight: 2, arbitrary: fc.nat(4).map((n) => `${indent(depth)}extends: s${n}`) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.nat(4), fc.constantFrom(...EXTENDS_FILES)).map(
        ([n, f]) => `${indent(depth)}extends:\n${indent(depth + 1)}service: s${n}\n${indent(depth + 1)}file: ${f}`,
      ),
    },
  );

const service = fc.tuple(fc.nat(4), fc.option(fc.nat(3), { nil: undefined }), fc.array(attribute(3), { maxLength: 6 })).map(
  ([n, anchor, attrs]) => `  s${n}:${anchor === undefined ? '' : ` &anchor${anchor}`}\n${attrs.join('\n')}`,
);

const anchorBlock = fc.tuple(fc.nat(3), fc.array(attribute(1), { minLength: 1, maxLength: 4 })).map(
  ([n, attrs]) => `x-common${n}: &anchor${n}\n${attrs.join('\n')}`,
);

const includeBlock = fc.array(fc.constantFrom(...INCLUDES), { minLength: 1, maxLength: 3 }).map(
  (paths) => `include:\n${paths.map((p) => (p.length % 2 === 0 ? `  - ${p}` : `  - path: ${p}\n    env_file: .env`)).join('\n')}`,
);

/** One compose file: optional anchors and includes, then services. */
export const composeFileText = fc
  .tuple(fc.array(anchorBlock, { maxLength: 2 }), fc.option(includeBlock, { nil: undefined }), fc.array(service, { maxLength: 4 }))
  .map(([anchors, include, services]) => [...anchors, ...(include ? [include] : []), `services:\n${services.join('\n') || '  {}'}`].join('\n') + '\n');

const envFile = fc.array(
  fc.constantFrom('IMAGE=nginx', 'TAG=latest', 'export A=1', 'B="x y"', "C='${IMAGE}'", 'D', '=bad', '# c', 'E=${TAG}-x', 'F="unterminated'),
  { maxLength: 5 },
).map((lines) => lines.join('\n') + '\n');

/** A small textual mutation, so that many generated files are slightly broken YAML. */
const textMutation = fc.oneof(
  fc.constant((t: string) => t),
  fc.constant((t: string) => t),
  fc.tuple(fc.nat(), fc.constantFrom(':', '-', ' ', '\t', '&', '*', '!', '{', '[', '"', "'", '#', '\n', '\r', '?', '|', '%', '@', '`')).map(
    ([at, ch]) => (t: string) => t.slice(0, at % (t.length + 1)) + ch + t.slice(at % (t.length + 1)),
  ),
  fc.nat().map((at) => (t: string) => t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + 1)),
);

/** A compose project: `compose.yaml` always, other files and `.env` files sometimes. */
export const composeProject = fc
  .tuple(
    fc.tuple(composeFileText, textMutation),
    fc.array(fc.tuple(fc.constantFrom(...PROJECT_FILES.slice(1)), composeFileText, textMutation), { maxLength: 3 }),
    fc.option(envFile, { nil: undefined }),
    fc.option(envFile, { nil: undefined }),
  )
  .map(([[main, mutate], others, env, incEnv]) => {
    const files: Record<string, string> = { 'compose.yaml': mutate(main) };
    for (const [path, text, m] of others) files[path] = m(text);
    if (env !== undefined) files['.env'] = env;
    if (incEnv !== undefined) files['inc/.env'] = incEnv;
    return files;
  });
