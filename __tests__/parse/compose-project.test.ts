import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParseError } from '../../src/parse/parse-error.js';
import { interpolate } from '../../src/parse/compose/interpolate.js';
import { parseEnvFileLines } from '../../src/parse/compose/env-file.js';
import { loadComposeFile, loadComposeProject } from '../../src/parse/compose/load-project.js';
import { toBytes, toNanoseconds } from '../../src/parse/compose/units.js';
import type { ComposeDocument } from '../../src/parse/input-document.js';

const enc = (text: string) => new TextEncoder().encode(text);

/** An in-memory workspace: reads of absent files fail as the workspace reader does. */
function workspace(files: Record<string, string>) {
  const reads: string[] = [];
  return {
    reads,
    context: {
      readFile: async (path: string) => {
        reads.push(path);
        if (!(path in files)) throw new Error(`${path} does not exist in the workspace`);
        return enc(files[path] as string);
      },
    },
  };
}

async function load(files: Record<string, string>, main = 'compose.yaml', variables: Record<string, string> = {}) {
  const { context, reads } = workspace(files);
  const parsed = await loadComposeFile(main, enc(files[main] as string), { ...context, variables });
  return { ...parsed, document: parsed.document as ComposeDocument, reads };
}

const rejects = (line: number | undefined, pattern: RegExp, path = 'compose.yaml') => (e: unknown) =>
  e instanceof ParseError && e.path === path && e.line === line && pattern.test(e.message);

test('interpolation: every form, $$ escapes, a variable nothing sets blank as compose makes it, and marked', () => {
  const vars: Record<string, string> = { A: 'a', EMPTY: '' };
  const look = (n: string) => vars[n];
  assert.deepEqual(interpolate('${A}-$A-$${A}', look), { value: 'a-a-${A}', unresolved: [] });
  assert.equal(interpolate('${EMPTY:-d} ${EMPTY-d} ${NONE-d} ${NONE:-${A}}', look).value, 'd  d a');
  assert.equal(interpolate('${A:+alt}|${EMPTY:+alt}|${EMPTY+alt}', look).value, 'alt||alt');
  assert.deepEqual(interpolate('nginx:${TAG}', look), { value: 'nginx:', unresolved: ['TAG'] });
  assert.deepEqual(interpolate('host${X}|${Y}host|host$Z|$$X', look), { value: 'host|host|host|$X', unresolved: ['X', 'Y', 'Z'] });
  assert.deepEqual(interpolate('${NONE:+x}', look), { value: '', unresolved: ['NONE'] });
  assert.deepEqual(interpolate('${NONE:-host}', look), { value: 'host', unresolved: [] });
  assert.throws(() => interpolate('${NONE:?must be set}', look), /required variable NONE is missing a value: must be set/);
  assert.throws(() => interpolate('${EMPTY:?}', look), /EMPTY/);
  assert.equal(interpolate('${EMPTY?x}', look).value, '');
  assert.throws(() => interpolate('${A', look), /never closed/);
  assert.throws(() => interpolate('${1A}', look), /must start with a letter/);
});

test('.env files: quotes, comments, export, interpolation of earlier keys', () => {
  const parseEnvFile = (text: string, outer: (name: string) => string | undefined) => new Map([...parseEnvFileLines(text, outer)].map(([key, entry]) => [key, entry.value]));
  const env = parseEnvFile('# c\nexport A=1\nB="x ${A}\\n"\nC=\'${A}\'\nD=v # note\nE\n', () => undefined);
  assert.deepEqual(Object.fromEntries(env), { A: '1', B: 'x 1\n', C: '${A}', D: 'v' });
  assert.throws(() => parseEnvFile('A=1\nnot a line\n', () => undefined), (e: Error & { line?: number }) => e.line === 2);
});

test('sizes and durations convert as compose does', () => {
  assert.equal(toBytes('512m'), 536870912);
  assert.equal(toBytes('1.5g'), 1610612736);
  assert.equal(toBytes('100'), 100);
  assert.equal(toBytes('12x'), undefined);
  assert.equal(toNanoseconds('1m30s'), 90e9);
  assert.equal(toNanoseconds('500ms'), 5e8);
  assert.equal(toNanoseconds('soon'), undefined);
});

test('the .env beside the file and configured variables are interpolated; configured wins', async () => {
  const { document, reads } = await load(
    { 'compose.yaml': 'services:\n  web:\n    image: "nginx:${TAG}"\n    user: "${RUN_AS}"\n    privileged: ${PRIV}\n', '.env': 'TAG=1.27\nRUN_AS=root\n' },
    'compose.yaml',
    { RUN_AS: 'app' },
  );
  assert.ok(reads.includes('.env'));
  const web = document.services?.web;
  assert.equal(web?.image?.tag, '1.27');
  assert.equal(web?.user, 'app');
  assert.equal(web?.privileged, null, 'blank is no boolean: unknown, not a file compose refuses');
  assert.deepEqual(document.unresolved, [{ path: ['services', 'web', 'privileged'], variables: ['PRIV'] }]);
});

test('each value that read a variable with a value says where it is set: the .env line, or the configuration', async () => {
  const { document } = await load(
    { 'compose.yaml': 'services:\n  web:\n    image: "nginx:${TAG}"\n    user: "${RUN_AS}"\n    pid: "${PRIV}"\n', '.env': '# tags\nTAG=1.27\nRUN_AS=root\n' },
    'compose.yaml',
    { RUN_AS: 'app' },
  );
  assert.deepEqual(document.interpolated, [
    { path: ['services', 'web', 'image'], sources: [{ name: 'TAG', file: '.env', line: 2 }] },
    { path: ['services', 'web', 'user'], sources: [{ name: 'RUN_AS' }] },
  ]);
  const plain = await load({ 'compose.yaml': 'services:\n  web:\n    image: "nginx:${TAG:-1.27}"\n' });
  assert.equal(plain.document.interpolated, undefined, 'absent when no value read a variable with a value');
});

test('a variable nothing sets is blank in the normalised views, and marked; a port or volume its blank leaves invalid is read as written', async () => {
  const { document } = await load({
    'compose.yaml': [
      'services:',
      '  web:',
      '    image: "nginx:${TAG}"',
      '    pid: "host${X}"',
      '    privileged: "${P}true"',
      '    cap_add: ["SYS_${C}ADMIN"]',
      '    volumes: ["/var/run/docker${S}.sock:/var/run/docker.sock", "/data:${T}"]',
      '    ports: ["8080:${PORT}", "${IP}:9090:90"]',
      '    mem_limit: ${MEM}',
      '    healthcheck: {test: [CMD, "true"], interval: "${EVERY}"}',
      '',
    ].join('\n'),
  });
  const web = document.services?.web;
  assert.equal(web?.pid, 'host');
  assert.equal(web?.privileged, true, '"${P}true" is true to compose');
  assert.deepEqual(web?.cap_add.map((c) => c.name), ['SYS_ADMIN']);
  // "/data:" and "8080:" are refused by compose: they run only with the variable set, to a value unknown here.
  assert.deepEqual(web?.volumes.map((v) => [v.host_path, v.target]), [['/var/run/docker.sock', '/var/run/docker.sock'], ['/data', '${T}']]);
  assert.deepEqual(web?.ports.map((p) => [p.host_ip, p.published, p.target]), [['', '8080', '${PORT}'], ['', '9090', '90']]);
  assert.equal(web?.limits.memory?.value, null);
  assert.equal(web?.healthcheck?.interval_ns, null);
  assert.equal(web?.image?.raw, 'nginx:');
  assert.deepEqual(
    document.unresolved?.map((u) => `${u.path.join('.')}=${u.variables.join(',')}`),
    ['services.web.image=TAG', 'services.web.pid=X', 'services.web.privileged=P', 'services.web.cap_add.0=C', 'services.web.volumes.0=S', 'services.web.volumes.1=T', 'services.web.ports.0=PORT', 'services.web.ports.1=IP', 'services.web.mem_limit=MEM', 'services.web.healthcheck.interval=EVERY'],
  );
});

test('PWD, which the shell running compose always sets (over .env), is the project directory unless the configuration says', async () => {
  const service = ['services:', '  web:', '    image: nginx:1', '    volumes: ["${PWD}/:/app", "${PWD}/etc:/etc/app", "${PWD}:/src"]', ''].join('\n');
  const { document } = await load({ 'compose.yaml': service });
  assert.deepEqual(document.services?.web?.volumes.map((v) => v.host_path), ['.', './etc', '.']);
  assert.deepEqual(document.unresolved, []);
  // The shell's variables win over .env's, in compose as here.
  const dotEnv = await load({ 'compose.yaml': service, '.env': 'PWD=/\n' });
  assert.deepEqual(dotEnv.document.services?.web?.volumes.map((v) => v.host_path), ['.', './etc', '.']);
  const configured = await load({ 'compose.yaml': service }, 'compose.yaml', { PWD: '/srv/app' });
  assert.deepEqual(configured.document.services?.web?.volumes.map((v) => v.host_path), ['/srv/app', '/srv/app/etc', '/srv/app']);
});

test('${VAR:?err} with VAR unset is a parse error at its line', async () => {
  await assert.rejects(load({ 'compose.yaml': 'services:\n  web:\n    image: ${IMAGE:?set IMAGE}\n' }), rejects(3, /required variable IMAGE/));
});

test('the override file beside compose.yaml is merged, and values point at the file that set them', async () => {
  const { document, locate } = await load({
    'compose.yaml': 'services:\n  web:\n    image: nginx:1\n    ports: ["8080:80"]\n    environment: [A=1, B=2]\n    command: [a, b]\n',
    'compose.override.yaml': 'services:\n  web:\n    privileged: true\n    ports: ["9090:90", "8080:80"]\n    environment: {B: "3"}\n    command: [c]\n',
  });
  const web = document.data.services as Record<string, Record<string, unknown>>;
  assert.deepEqual(web.web?.ports, ['8080:80', '9090:90'], 'unique ports merged by key');
  assert.deepEqual(web.web?.environment, { A: '1', B: '3' });
  assert.deepEqual(web.web?.command, ['c'], 'command replaced, not appended');
  assert.deepEqual(locate(['services', 'web', 'privileged']), { path: 'compose.override.yaml', startLine: 3, endLine: 3 });
  assert.deepEqual(locate(['services', 'web', 'image']), { path: 'compose.yaml', startLine: 3, endLine: 3 });
  assert.deepEqual(locate(['services', 'web']), { path: 'compose.yaml', startLine: 2, endLine: 6 });
  assert.deepEqual(document.files, ['compose.override.yaml', 'compose.yaml']);
});

test('the override merged is the one compose-go picks: its order, whatever the base file is called', async () => {
  const privileged = (document: ComposeDocument) => (document.data.services as Record<string, Record<string, unknown>>).web?.privileged;
  const base = 'services:\n  web:\n    image: nginx:1\n    privileged: true\n';
  const hardening = 'services:\n  web:\n    privileged: false\n';
  // compose.override.yml comes before compose.override.yaml in DefaultOverrideFileNames.
  const both = await load({ 'compose.yaml': base, 'compose.override.yaml': hardening, 'compose.override.yml': 'x-note: 1\n' });
  assert.equal(privileged(both.document), true);
  assert.deepEqual(both.document.files, ['compose.override.yml', 'compose.yaml']);
  // compose.yaml takes a docker-compose.override.yml.
  const crossed = await load({ 'compose.yaml': hardening.replace('false', 'false\n    image: nginx:1'), 'docker-compose.override.yml': 'services:\n  web:\n    privileged: true\n' });
  assert.equal(privileged(crossed.document), true);
  // A file compose does not pick in its directory (compose.yaml is there) is loaded alone.
  const shadowed = await load({ 'compose.yaml': base, 'docker-compose.yml': base, 'docker-compose.override.yml': hardening }, 'docker-compose.yml');
  assert.equal(privileged(shadowed.document), true);
  assert.deepEqual(shadowed.document.files, ['docker-compose.yml']);
  // docker-compose.yml comes before docker-compose.yaml.
  const older = await load({ 'docker-compose.yml': base, 'docker-compose.yaml': base, 'compose.override.yaml': hardening }, 'docker-compose.yaml');
  assert.deepEqual(older.document.files, ['docker-compose.yaml']);
});

test('!reset and !override in an override file', async () => {
  const { document } = await load({
    'compose.yaml': 'services:\n  web:\n    image: a\n    ports: ["80:80"]\n    cap_add: [NET_ADMIN]\n',
    'compose.override.yaml': 'services:\n  web:\n    ports: !reset []\n    cap_add: !override [CHOWN]\n',
  });
  assert.deepEqual(document.data.services, { web: { image: 'a', cap_add: ['CHOWN'] } });
});

test('!reset values are never read from the file that writes them, as compose-go drops them before merging', async () => {
  // A single file: compose runs this service with no cap_drop, no user and no security_opt.
  const single = await load({
    'compose.yaml': 'services:\n  web:\n    image: a\n    cap_drop: !reset [ALL]\n    user: !reset "1000"\n    security_opt: [!reset "no-new-privileges:true", "label:type:x"]\n    environment:\n      A: !reset "1"\n      B: "2"\n',
  });
  assert.deepEqual(single.document.data.services, { web: { image: 'a', security_opt: ['label:type:x'], environment: { B: '2' } } });
  // The base's own reset takes its value out before the override is merged: the override's list is the only one.
  const merged = await load({
    'compose.yaml': 'services:\n  web:\n    image: a\n    cap_drop: !reset [ALL]\n',
    'compose.override.yaml': 'services:\n  web:\n    cap_drop: [NET_RAW]\n    read_only: !reset true\n    deploy:\n      resources: {limits: {pids: !reset 10, memory: 1g}}\n',
  });
  assert.deepEqual(merged.document.data.services, { web: { image: 'a', cap_drop: ['NET_RAW'], deploy: { resources: { limits: { memory: '1g' } } } } });
  // Inside an !override value compose-go looks for no further tag: the value is taken as written.
  const overridden = await load({
    'compose.yaml': 'services:\n  web:\n    image: a\n    security_opt: [x]\n',
    'compose.override.yaml': 'services:\n  web:\n    security_opt: !override [!reset "no-new-privileges:true"]\n',
  });
  assert.deepEqual(overridden.document.data.services, { web: { image: 'a', security_opt: ['no-new-privileges:true'] } });
  // extends: the base service's own reset is not inherited.
  const extended = await load({
    'compose.yaml': 'services:\n  base:\n    image: a\n    cap_drop: !reset [ALL]\n  web:\n    extends: base\n',
  });
  assert.equal(extended.document.data.services && (extended.document.data.services as Record<string, Record<string, unknown>>).web?.cap_drop, undefined);
});

test('extends in the same file and another file, with locations in the base', async () => {
  const { document, locate } = await load({
    'compose.yaml': 'services:\n  base:\n    image: a:1\n    cap_add: [X]\n  web:\n    extends: base\n    user: app\n  api:\n    extends:\n      file: common/base.yaml\n      service: hardened\n',
    'common/base.yaml': 'services:\n  hardened:\n    read_only: true\n    privileged: true\n',
  });
  assert.equal(document.services?.web?.user, 'app');
  assert.deepEqual(document.services?.web?.cap_add.map((c) => c.name), ['X']);
  assert.deepEqual(locate(['services', 'web', 'cap_add']), { path: 'compose.yaml', startLine: 4, endLine: 4 });
  assert.deepEqual(locate(['services', 'api', 'privileged']), { path: 'common/base.yaml', startLine: 4, endLine: 4 });
  assert.equal(document.services?.api?.read_only, true);
});

test('extends and include cycles are errors naming the chain', async () => {
  await assert.rejects(
    load({ 'compose.yaml': 'services:\n  a:\n    extends: b\n  b:\n    extends: a\n' }),
    (e) => e instanceof ParseError && /extends forms a cycle: .*service "a" → .*service "b" → .*service "a"/.test(e.message),
  );
  await assert.rejects(
    load({ 'compose.yaml': 'include: [b.yaml]\nservices: {}\n', 'b.yaml': 'include: [compose.yaml]\nservices: {}\n' }),
    (e) => e instanceof ParseError && /include forms a cycle: compose.yaml → b.yaml → compose.yaml/.test(e.message),
  );
});

test('include adds the included project; a conflicting service is an error', async () => {
  const { document, locate } = await load({
    'compose.yaml': 'include:\n  - db/compose.yaml\nservices:\n  web: {image: a:1}\n',
    'db/compose.yaml': 'services:\n  db:\n    image: postgres:${PG}\n',
    'db/.env': 'PG=16\n',
  });
  assert.equal(document.services?.db?.image?.tag, '16', "the included project's own .env");
  assert.deepEqual(locate(['services', 'db', 'image']), { path: 'db/compose.yaml', startLine: 3, endLine: 3 });
  await assert.rejects(
    load({ 'compose.yaml': 'include: [b.yaml]\nservices:\n  web: {}\n', 'b.yaml': 'services:\n  web: {}\n' }),
    rejects(3, /services.web is also defined by the included file b.yaml/),
  );
});

test("an included project's .env fills only what the including project leaves unset, as compose-go merges them", async () => {
  const { document } = await load({
    '.env': 'NET=host\n',
    'compose.yaml': 'include: [sub/compose.yaml]\nservices:\n  web: {image: a:1}\n',
    'sub/.env': 'NET=bridge\nTAG=1.36\nIMAGE=busybox:${TAG}-${NET}\n',
    'sub/compose.yaml': 'services:\n  worker:\n    image: ${IMAGE}\n    network_mode: ${NET}\n',
  });
  assert.equal(document.services?.worker?.network_mode, 'host');
  // Inside the included .env too, the including project's value is the one a reference sees.
  assert.equal(document.services?.worker?.image?.raw, 'busybox:1.36-host');
  const configured = await load({ 'compose.yaml': 'include: [sub/compose.yaml]\nservices: {}\n', 'sub/.env': 'NET=bridge\n', 'sub/compose.yaml': 'services:\n  w:\n    network_mode: ${NET}\n' }, 'compose.yaml', { NET: 'none' });
  assert.equal(configured.document.services?.w?.network_mode, 'none');
  // Where each value came from follows the same precedence: the including project's .env for NET.
  const sources = new Map(document.interpolated?.map((m) => [m.path.join('.'), m.sources]));
  assert.deepEqual(sources.get('services.worker.network_mode'), [{ name: 'NET', file: '.env', line: 1 }]);
  assert.deepEqual(sources.get('services.worker.image'), [{ name: 'IMAGE', file: 'sub/.env', line: 3 }]);
});

test('related files outside the workspace are refused before any read', async () => {
  for (const ref of ['../../etc/passwd', '/etc/passwd', '~/x.yaml']) {
    const { context, reads } = workspace({});
    const main = `include: ["${ref}"]\nservices: {}\n`;
    await assert.rejects(loadComposeFile('compose.yaml', enc(main), context), rejects(1, /outside the workspace; it was not read/));
    assert.ok(!reads.some((r) => r.includes('passwd') || r.includes('x.yaml')), reads.join());
  }
});

test('a compose file named from above its directory (../repo/compose.yaml) reads its related files, and still may not climb out', async () => {
  const files = {
    '../repo/compose.yaml': 'include: [sub/inc.yaml]\nservices:\n  web:\n    extends: {file: common/base.yaml, service: base}\n    env_file: app.env\n',
    '../repo/common/base.yaml': 'services:\n  base:\n    image: a:1\n',
    '../repo/sub/inc.yaml': 'services:\n  db:\n    image: b:1\n    env_file: ../db.env\n',
    '../repo/app.env': 'TOKEN=x\n',
    '../repo/db.env': 'DB_PASSWORD=y\n',
  };
  const { document } = await load(files, '../repo/compose.yaml');
  assert.equal(document.services?.web?.image?.tag, '1');
  assert.equal(document.services?.web?.environment.TOKEN?.value, 'x');
  assert.equal(document.services?.db?.environment.DB_PASSWORD?.value, 'y');
  const withEnvFile = (ref: string) => enc(`services:\n  web:\n    image: a:1\n    env_file: ${ref}\n`);
  // Past the file's own directory: refused before any read.
  const climbing = workspace(files);
  await assert.rejects(loadComposeFile('../repo/compose.yaml', withEnvFile('../../etc/passwd'), climbing.context), rejects(4, /resolves outside the workspace; it was not read/, '../repo/compose.yaml'));
  assert.ok(!climbing.reads.some((r) => r.includes('passwd')), climbing.reads.join());
  // Beside it: the loader asks for the file, and the scan's reader decides (in the CLI it refuses what is outside the scanned folder).
  const beside = workspace(files);
  await assert.rejects(loadComposeFile('../repo/compose.yaml', withEnvFile('../outside.env'), beside.context), /outside\.env/);
  assert.ok(beside.reads.includes('../outside.env'), beside.reads.join());
});

test('a missing extends file is an error at the extends line', async () => {
  await assert.rejects(load({ 'compose.yaml': 'services:\n  web:\n    extends: {file: nope.yaml, service: x}\n' }), rejects(3, /extends file "nope.yaml" does not exist/));
});

test('a related path with a backslash is refused at its line, not read as either file it could name', async () => {
  const files = {
    'compose.yaml': 'services:\n  web:\n    image: a:1\n    env_file: config\\app.env\n  api:\n    extends: {file: common\\base.yaml, service: base}\n',
    'config/app.env': 'A=1\n',
    'config\\app.env': 'A=2\n',
    'common/base.yaml': 'services:\n  base:\n    image: b:1\n',
  };
  await assert.rejects(load(files), (e: unknown) => /holds a backslash/.test(String(e)) && /forward slashes/.test(String(e)));
  await assert.rejects(load({ ...files, 'compose.yaml': 'services:\n  api:\n    extends: {file: common\\base.yaml, service: base}\n' }), rejects(3, /extends file "common\\base\.yaml" holds a backslash/));
});

test('short and long syntax normalise to the same shapes', async () => {
  const { document } = await load({
    'compose.yaml': [
      'services:',
      '  web:',
      '    ports: ["127.0.0.1:80:8080/udp", "9000", {target: 81, published: "8081", host_ip: "::"}, "[::1]:53:53"]',
      '    volumes: ["/var/run/docker.sock:/sock:ro,rshared", "data:/data", "/anon", {type: bind, source: /etc, target: /e, bind: {propagation: shared}}]',
      '    mem_limit: 1g',
      '    deploy: {resources: {limits: {memory: 512m, cpus: "0.5"}}, restart_policy: {condition: on-failure, max_attempts: 3}}',
      '    restart: always',
      '    healthcheck: {test: "curl -f localhost", interval: 1m30s}',
      '    ulimits: {nproc: 65535, nofile: {soft: 1, hard: 2}}',
      '    devices: ["/dev/sda:/dev/xvda:r"]',
      '    cap_add: [cap_sys_admin]',
      '    security_opt: ["no-new-privileges:true", "seccomp=unconfined"]',
      '',
    ].join('\n'),
  });
  const web = document.services?.web;
  assert.deepEqual(web?.ports.map(({ path: _p, ...p }) => p), [
    { host_ip: '127.0.0.1', published: '80', published_start: 80, target: '8080', protocol: 'udp' },
    { host_ip: '', published: '', published_start: null, target: '9000', protocol: 'tcp' },
    { host_ip: '::', published: '8081', published_start: 8081, target: '81', protocol: 'tcp' },
    { host_ip: '::1', published: '53', published_start: 53, target: '53', protocol: 'tcp' },
  ]);
  assert.deepEqual(web?.volumes.map(({ path: _p, ...v }) => v), [
    { type: 'bind', source: '/var/run/docker.sock', target: '/sock', read_only: true, propagation: 'rshared', host_path: '/var/run/docker.sock' },
    { type: 'volume', source: 'data', target: '/data', read_only: false, propagation: '', host_path: null },
    { type: 'volume', source: '', target: '/anon', read_only: false, propagation: '', host_path: null },
    { type: 'bind', source: '/etc', target: '/e', read_only: false, propagation: 'shared', host_path: '/etc' },
  ]);
  assert.equal(web?.limits.memory?.value, 536870912, 'deploy wins when non-zero');
  assert.deepEqual(web?.limits.memory?.path, ['services', 'web', 'deploy', 'resources', 'limits', 'memory']);
  assert.equal(web?.limits.cpus?.value, 0.5);
  assert.deepEqual({ name: web?.restart?.name, max: web?.restart?.max_retries }, { name: 'on-failure', max: 3 });
  assert.deepEqual(web?.restart_policies.map((r) => [r.name, r.max_retries, r.path.slice(2).join('.')]), [
    ['always', null, 'restart'],
    ['on-failure', 3, 'deploy.restart_policy.max_attempts'],
  ]);
  assert.deepEqual(web?.healthcheck?.test, ['CMD-SHELL', 'curl -f localhost']);
  assert.equal(web?.healthcheck?.interval_ns, 90e9);
  assert.deepEqual([web?.ulimits.nproc?.soft, web?.ulimits.nofile?.hard], [65535, 2]);
  assert.deepEqual(web?.devices.map((d) => [d.source, d.target, d.permissions]), [['/dev/sda', '/dev/xvda', 'r']]);
  assert.deepEqual(web?.cap_add.map((c) => c.name), ['SYS_ADMIN']);
  assert.deepEqual(web?.security_opt.map((o) => [o.key, o.value]), [['no-new-privileges', 'true'], ['seccomp', 'unconfined']]);
});

test('values compose refuses are parse errors at their line', async () => {
  await assert.rejects(load({ 'compose.yaml': 'services:\n  web:\n    ports: ["80:http"]\n' }), rejects(3, /the port "80:http"/));
  await assert.rejects(load({ 'compose.yaml': 'services:\n  web:\n    mem_limit: lots\n' }), rejects(3, /not a valid byte size/));
  await assert.rejects(load({ 'compose.yaml': 'services:\n  web:\n    enviroment: {}\n' }), rejects(3, /"enviroment", which compose does not know/));
  await assert.rejects(load({ 'compose.yaml': 'web:\n  image: a\n' }), rejects(1, /"web" is not a top-level key/));
});

test('a service name docker compose refuses is a parse error at the service; names it accepts are kept', async () => {
  const names = ['web', 'Web-2', 'api.v1', 'worker_1', '1st'];
  const { document } = await load({ 'compose.yaml': `services:\n${names.map((n) => `  ${n}:\n    image: nginx:1.27`).join('\n')}\n` });
  assert.deepEqual(Object.keys(document.services ?? {}), names);
  await assert.rejects(load({ 'compose.yaml': 'services:\n  web:\n    image: a\n  "my app":\n    image: b\n' }), rejects(4, /the service name "my app" is not one docker compose accepts: service names hold only letters, digits, "\.", "_" and "-"\. Rename the service\./));
  await assert.rejects(load({ 'compose.yaml': 'services:\n  "caf\u00e9":\n' }), rejects(2, /the service name "caf\u00e9"/));
  // Services an override or an include brings are checked too.
  await assert.rejects(load({ 'compose.yaml': 'services:\n  web: {image: a}\n', 'compose.override.yaml': 'services:\n  "a/b": {image: b}\n' }), rejects(2, /the service name "a\/b"/, 'compose.override.yaml'));
  // A long name is cut in the message.
  const long = 'x'.repeat(200);
  await assert.rejects(load({ 'compose.yaml': `services:\n  "${long}!":\n    image: a\n` }), (e: unknown) => e instanceof Error && e.message.includes(`"${'x'.repeat(80)}…"`) && !e.message.includes('x'.repeat(81)));
});

test('a volume, secret or config name docker compose refuses is a parse error at it; any network name is kept', async () => {
  const ok = 'services:\n  web:\n    image: a\n';
  const { document } = await load({ 'compose.yaml': `${ok}volumes:\n  data.v1: {}\nsecrets:\n  db_pass:\n    file: ./p\nconfigs:\n  app-conf:\n    file: ./c\nnetworks:\n  "front end": {}\n` });
  assert.deepEqual(Object.keys(document.services ?? {}), ['web']);
  await assert.rejects(load({ 'compose.yaml': `${ok}volumes:\n  data: {}\n  "my data":\n` }), rejects(6, /the volume name "my data" is not one docker compose accepts: volume names hold only letters, digits, "\.", "_" and "-"\. Rename the volume\./));
  await assert.rejects(load({ 'compose.yaml': `${ok}secrets:\n  "db/pass":\n    file: ./p\n` }), rejects(5, /the secret name "db\/pass".*Rename the secret\./));
  await assert.rejects(load({ 'compose.yaml': `${ok}configs:\n  "app:conf":\n    file: ./c\n` }), rejects(5, /the config name "app:conf".*Rename the config\./));
  // An override's definitions are checked in the merged project.
  await assert.rejects(load({ 'compose.yaml': ok, 'compose.override.yaml': 'volumes:\n  "x y": {}\n' }), rejects(2, /the volume name "x y"/, 'compose.override.yaml'));
});

test('a project of more than MAX_SERVICES services is refused at the first service past the bound', async () => {
  const { MAX_SERVICES } = await import('../../src/parse/compose/validate.js');
  const services = (count: number) => `services:\n${Array.from({ length: count }, (_, i) => `  s${i}: {image: a}`).join('\n')}\n`;
  const { document } = await load({ 'compose.yaml': services(MAX_SERVICES) });
  assert.equal(Object.keys(document.services ?? {}).length, MAX_SERVICES);
  await assert.rejects(load({ 'compose.yaml': services(MAX_SERVICES + 1) }), rejects(MAX_SERVICES + 2, /more than 5000 services in the project.*Split the project into several\./));
  // Counted in the merged project: an override's new services count too.
  const override = `services:\n${Array.from({ length: 2 }, (_, i) => `  extra${i}: {image: b}`).join('\n')}\n`;
  await assert.rejects(load({ 'compose.yaml': services(MAX_SERVICES - 1), 'compose.override.yaml': override }), rejects(3, /more than 5000 services/, 'compose.override.yaml'));
});

test('a project of several files merges them in order (for configured projects)', async () => {
  const { context } = workspace({ 'a.yaml': 'services:\n  s: {image: "x:1"}\n', 'b.yaml': 'services:\n  s: {image: "x:2"}\n' });
  const parsed = await loadComposeProject(['a.yaml', 'b.yaml'], context);
  assert.equal((parsed.document as ComposeDocument).services?.s?.image?.tag, '2');
  assert.deepEqual(parsed.locate(['services', 's', 'image']), { path: 'b.yaml', startLine: 2, endLine: 2 });
});


test('long-syntax `published: ip:port` binds to that IP; a named volume over a host directory is seen through', async () => {
  const { document } = await load({
    'compose.yaml': [
      'services:',
      '  web:',
      '    ports: [{target: 80, published: "127.0.0.1:8080"}, {target: 81, published: 127.0.0.1}, {target: 82, published: "[::1]:8082"}]',
      '    volumes: ["conf:/c", "plain:/p", "persist:/q"]',
      'volumes:',
      '  conf: {driver_opts: {type: none, o: "ro,bind", device: /etc/ssl}}',
      '  plain: {driver_opts: {device: /srv}}',
      '  persist: {driver: local-persist, driver_opts: {mountpoint: /root/data}}',
      '',
    ].join('\n'),
  });
  const web = document.services?.web;
  assert.deepEqual(web?.ports.map((p) => [p.host_ip, p.published]), [['127.0.0.1', '8080'], ['127.0.0.1', ''], ['::1', '8082']]);
  assert.deepEqual(web?.volumes.map((v) => v.host_path), ['/etc/ssl', null, '/root/data']);
});

test('extends from another directory rebases the relative paths of the base', async () => {
  const { document, locate } = await load({
    'app/compose.yaml': 'services:\n  web:\n    extends: {file: ../common/base.yaml, service: base}\n',
    'common/base.yaml': [
      'services:',
      '  base:',
      '    build: ./src',
      '    env_file: [{path: ./base.env, required: true}]',
      '    volumes: ["./data:/data", "/etc:/host-etc:ro", {type: bind, source: ../shared, target: /s}, "named:/n"]',
      '',
    ].join('\n'),
    'common/base.env': 'TOKEN=abc\n',
  }, 'app/compose.yaml');
  const web = document.services?.web;
  assert.deepEqual(document.data.services, {
    web: {
      build: '../common/src',
      env_file: [{ path: '../common/base.env', required: true }],
      volumes: ['../common/data:/data', '/etc:/host-etc:ro', { type: 'bind', source: '../shared', target: '/s' }, 'named:/n'],
      environment: { TOKEN: 'abc' },
    },
  });
  assert.deepEqual(web?.environment.TOKEN?.value, 'abc');
  assert.deepEqual(locate(['services', 'web', 'environment', 'TOKEN']), { path: 'common/base.env', startLine: 1, endLine: 1 });
  assert.deepEqual(locate(['services', 'web', 'volumes', 0]), { path: 'common/base.yaml', startLine: 5, endLine: 5 });
});

test('extends from another directory rebases every relative path compose would, not only ./ ones', async () => {
  // Compose joins any path that is not absolute to the directory of the file that wrote it, so `build:
  // src` and `env_file: base.env` in common/ name common/src and common/base.env.
  const { document } = await load({
    'app/compose.yaml': 'services:\n  web:\n    extends: {file: ../common/base.yaml, service: base}\n',
    'common/base.yaml': [
      'services:',
      '  base:',
      '    build: src',
      '    env_file: base.env',
      '    volumes: [".cache:/c", "data:/d", {type: bind, source: shared, target: /s}, {type: volume, source: named, target: /n}]',
      '',
    ].join('\n'),
    'common/base.env': 'TOKEN=abc\n',
  }, 'app/compose.yaml');
  assert.deepEqual(document.data.services, {
    web: {
      build: '../common/src',
      env_file: '../common/base.env',
      volumes: ['../common/.cache:/c', 'data:/d', { type: 'bind', source: '../common/shared', target: '/s' }, { type: 'volume', source: 'named', target: '/n' }],
      environment: { TOKEN: 'abc' },
    },
  });
});

test('an included project from another directory has its bare relative paths rebased too', async () => {
  const { document, locate } = await load({
    'compose.yaml': 'include: [sub/compose.yaml]\nservices:\n  web: {image: b:1}\n',
    'sub/compose.yaml': 'services:\n  api:\n    image: a:1\n    build: app\n    env_file: vars.env\n',
    'sub/vars.env': 'API_PASSWORD=hunter2\n',
  });
  const api = (document.data.services as Record<string, { build: string; env_file: string }>).api;
  assert.deepEqual([api?.build, api?.env_file], ['./sub/app', './sub/vars.env']);
  assert.deepEqual(locate(['services', 'api', 'environment', 'API_PASSWORD']), { path: 'sub/vars.env', startLine: 1, endLine: 1 });
});

test('extends from another directory leaves remote build contexts, absolute and home paths as written', async () => {
  const contexts = ['https://github.com/org/app.git#main', 'git@github.com:org/app.git', 'github.com/org/app', 'docker-image://alpine:3.20', 'service:base', '/srv/app', '~/app', 'C:\\app'];
  const base = ['services:', ...contexts.flatMap((context, i) => [`  s${i}:`, `    build: {context: '${context}'}`, `    volumes: ['${context.startsWith('/') || context.startsWith('~') ? context : '/x'}:/m']`]), ''].join('\n');
  const main = ['services:', ...contexts.flatMap((_, i) => [`  s${i}:`, `    extends: {file: ../common/base.yaml, service: s${i}}`]), ''].join('\n');
  const { document } = await load({ 'app/compose.yaml': main, 'common/base.yaml': base }, 'app/compose.yaml');
  const services = document.data.services as Record<string, { build: { context: string }; volumes: string[] }>;
  assert.deepEqual(contexts.map((_, i) => services[`s${i}`]?.build.context), contexts);
  assert.deepEqual(contexts.map((_, i) => services[`s${i}`]?.volumes[0]?.split(':')[0]), contexts.map((c) => (c.startsWith('/') || c.startsWith('~') ? c : '/x')));
});

test('a backslash in an extended base from another directory is still refused, not read as a slash', async () => {
  const files = {
    'app/compose.yaml': 'services:\n  web:\n    extends: {file: ../common/base.yaml, service: base}\n',
    'common/base.yaml': 'services:\n  base:\n    image: a:1\n    env_file: .\\config\\app.env\n',
    'common/config/app.env': 'A=1\n',
  };
  await assert.rejects(load(files, 'app/compose.yaml'), (e: unknown) => /holds a backslash/.test(String(e)));
});

test('a bare environment entry takes its variable from the file\'s scope, as compose does, and says where it is set', async () => {
  const { document, locate } = await load({
    'compose.yaml': [
      'include: [sub/compose.yaml]',
      'services:',
      '  web:',
      '    image: a:1',
      '    env_file: web.env',
      '    environment: [PGPASS, UNSET, FROM_FILE, KEPT=x]',
      '  api:',
      '    image: a:1',
      '    environment:',
      '      PGPASS:',
      '      TOKEN: ~',
      '',
    ].join('\n'),
    '.env': 'PGPASS=from-dotenv\n',
    'web.env': 'FROM_FILE=from-env-file\nUNSET=also-from-env-file\n',
    'sub/.env': 'OWN=from-sub-dotenv\n',
    'sub/compose.yaml': 'services:\n  worker:\n    image: a:1\n    environment: [OWN, PGPASS]\n',
  }, 'compose.yaml', { TOKEN: 'configured' });
  const env = (service: string) => Object.fromEntries(Object.entries(document.services?.[service]?.environment ?? {}).map(([k, v]) => [k, v.value]));
  assert.deepEqual(env('web'), { FROM_FILE: 'from-env-file', UNSET: 'also-from-env-file', PGPASS: 'from-dotenv', KEPT: 'x' });
  assert.deepEqual(env('api'), { PGPASS: 'from-dotenv', TOKEN: 'configured' });
  // An included file reads its own .env; the including project's values come first, as for ${...}.
  assert.deepEqual(env('worker'), { OWN: 'from-sub-dotenv', PGPASS: 'from-dotenv' });
  const sources = new Map(document.interpolated?.map((m) => [m.path.join('.'), m.sources]));
  assert.deepEqual(sources.get('services.web.environment.PGPASS'), [{ name: 'PGPASS', file: '.env', line: 1 }]);
  assert.deepEqual(sources.get('services.api.environment.TOKEN'), [{ name: 'TOKEN' }]);
  assert.deepEqual(sources.get('services.worker.environment.0'), [{ name: 'OWN', file: 'sub/.env', line: 1 }]);
  assert.equal(locate(['services', 'api', 'environment', 'PGPASS'])?.startLine, 10, 'found at the entry that asks for it');
});

test('a bare build arg takes its variable from the project\'s scope, as docker compose build passes it', async () => {
  const { document } = await load({
    'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      args: [NPM_TOKEN, UNSET, NODE_ENV=production]\n  api:\n    build:\n      context: .\n      args:\n        NPM_TOKEN:\n',
    '.env': '# registry\nNPM_TOKEN=npm_abcdefghijklmnopqrstuvwxyz0123456789\n',
  });
  const args = (service: string) => Object.fromEntries(Object.entries(document.services?.[service]?.build_args ?? {}).map(([k, v]) => [k, v.value]));
  assert.deepEqual(args('web'), { NPM_TOKEN: 'npm_abcdefghijklmnopqrstuvwxyz0123456789', UNSET: null, NODE_ENV: 'production' });
  assert.deepEqual(args('api'), { NPM_TOKEN: 'npm_abcdefghijklmnopqrstuvwxyz0123456789' });
  const sources = new Map(document.interpolated?.map((m) => [m.path.join('.'), m.sources]));
  assert.deepEqual(sources.get('services.api.build.args.NPM_TOKEN'), [{ name: 'NPM_TOKEN', file: '.env', line: 2 }]);
});

test('an environment merged from an override file keeps what each value read: the .env line, or a variable nothing sets', async () => {
  const { document } = await load({
    'compose.yaml': 'services:\n  web:\n    image: a:1\n    environment: [A=1]\n',
    'compose.override.yaml': 'services:\n  web:\n    environment:\n      - DB=postgres://u:${PGPASS}@db\n      - TAG=${NOPE}\n',
    '.env': 'PGPASS=hunter2hunter2\n',
  });
  assert.equal(document.services?.web?.environment?.DB?.value, 'postgres://u:hunter2hunter2@db');
  const sources = new Map(document.interpolated?.map((m) => [m.path.join('.'), m.sources]));
  assert.deepEqual(sources.get('services.web.environment.DB'), [{ name: 'PGPASS', file: '.env', line: 1 }]);
  assert.deepEqual(document.unresolved?.map((u) => u.path.join('.')), ['services.web.environment.TAG']);
});

test('env_file contents join environment: files in order, environment wins, lines kept', async () => {
  const { document, locate, reads } = await load({
    'compose.yaml': [
      'services:',
      '  web:',
      '    env_file: [a.env, {path: ./missing.env, required: false}, b.env]',
      '    environment: [SHARED=from-compose, ONLY=x]',
      '',
    ].join('\n'),
    'a.env': 'SHARED=a\nA_ONLY=${TAG:-none}\nLATE=a\n',
    'b.env': '# b\nLATE=b\n',
  });
  assert.deepEqual(document.data.services, {
    web: {
      env_file: ['a.env', { path: './missing.env', required: false }, 'b.env'],
      environment: { A_ONLY: 'none', LATE: 'b', SHARED: 'from-compose', ONLY: 'x' },
    },
  });
  assert.deepEqual(locate(['services', 'web', 'environment', 'LATE']), { path: 'b.env', startLine: 2, endLine: 2 });
  assert.deepEqual(locate(['services', 'web', 'environment', 'SHARED']), { path: 'compose.yaml', startLine: 4, endLine: 4 });
  assert.ok(reads.includes('missing.env'), 'the optional file was looked for');
  assert.ok(document.files?.includes('a.env') && !document.files.includes('missing.env'));
});

test('an env_file of format raw is read as docker compose reads it: values as written, nothing interpolated, so nothing unknown', async () => {
  const { document, locate } = await load(
    {
      'compose.yaml': 'services:\n  web:\n    image: a:1\n    env_file:\n      - path: app.env\n        format: raw\n      - plain.env\n',
      'app.env': '\uFEFF# raw\nJSON=\'{"key": "value"}\'\n  DB_PASSWORD=pa$word $$x \nFROM_SHELL\nNOT_SET\n',
      'plain.env': 'QUOTED=\'{"key": "value"}\'\n',
    },
    'compose.yaml',
    { FROM_SHELL: 'configured' },
  );
  const env = Object.fromEntries(Object.entries(document.services?.web?.environment ?? {}).map(([k, v]) => [k, v.value]));
  assert.deepEqual(env, { JSON: '\'{"key": "value"}\'', DB_PASSWORD: 'pa$word $$x ', FROM_SHELL: 'configured', QUOTED: '{"key": "value"}' });
  assert.deepEqual(document.unresolved, [], 'a $ in a raw value is text, not a variable nothing sets');
  assert.deepEqual(locate(['services', 'web', 'environment', 'DB_PASSWORD']), { path: 'app.env', startLine: 3, endLine: 3 });
  const refused = (format: string, text: string, line: number, pattern: RegExp, path = 'compose.yaml') =>
    assert.rejects(load({ 'compose.yaml': `services:\n  web:\n    image: a:1\n    env_file:\n      - path: x.env\n        format: ${format}\n`, 'x.env': text }), rejects(line, pattern, path));
  await refused('json', 'A=1\n', 6, /env_file format "json" is not one docker compose reads/);
  await refused('raw', 'A B=1\n', 1, /holds a space/, 'x.env');
  await refused('raw', '=1\n', 1, /no variable name/, 'x.env');
});

test('a missing or malformed env_file is an error at the entry or the bad line', async () => {
  await assert.rejects(load({ 'compose.yaml': 'services:\n  web:\n    image: a\n    env_file: [gone.env]\n' }), rejects(4, /env_file \(required unless `required: false`\) "gone.env" does not exist/));
  await assert.rejects(load({ 'compose.yaml': 'services:\n  web:\n    env_file: bad.env\n', 'bad.env': 'A=1\nnot a line\n' }), rejects(2, /not a KEY=VALUE line/, 'bad.env'));
  await assert.rejects(load({ 'compose.yaml': 'services:\n  web:\n    env_file: /etc/environment\n' }), rejects(3, /outside the workspace/));
});

test('a chain of extends is resolved once per service, and refused past MAX_EXTENDS_DEPTH links in either order', async () => {
  const { MAX_EXTENDS_DEPTH } = await import('../../src/parse/compose/extends.js');
  const chain = (links: number, reversed: boolean) => {
    const services = Array.from({ length: links + 1 }, (_, i) => (i === 0 ? '  s0:\n    image: a:1\n    cap_add: [X]\n' : `  s${i}:\n    extends: s${i - 1}\n    environment: {V${i}: "x"}\n`));
    return `services:\n${(reversed ? services.reverse() : services).join('')}`;
  };
  for (const reversed of [false, true]) {
    const { document } = await load({ 'compose.yaml': chain(MAX_EXTENDS_DEPTH, reversed) });
    const last = (document.data.services as Record<string, Record<string, unknown>>)[`s${MAX_EXTENDS_DEPTH}`];
    assert.deepEqual(last?.cap_add, ['X'], 'the last service inherits from the first');
    assert.equal(Object.keys(last?.environment as object).length, MAX_EXTENDS_DEPTH);
    await assert.rejects(load({ 'compose.yaml': chain(MAX_EXTENDS_DEPTH + 1, reversed) }), (e: unknown) => e instanceof ParseError && /extends a chain of more than 100 services/.test(e.message));
  }
});

test('env_files may give the services of a project at most MAX_ENV_FILE_ENTRIES variables in all, however few lines they take', async () => {
  const { MAX_ENV_FILE_ENTRIES } = await import('../../src/parse/compose/service-env.js');
  const envFile = Array.from({ length: 1000 }, (_, i) => `K${i}=v${i}\n`).join('');
  const project = (services: number) => `services:\n${Array.from({ length: services }, (_, i) => `  s${i}:\n    image: a:1\n    env_file: shared.env\n`).join('')}`;
  const within = MAX_ENV_FILE_ENTRIES / 1000;
  const { document } = await load({ 'compose.yaml': project(within), 'shared.env': envFile });
  assert.equal(Object.keys(document.services ?? {}).length, within);
  await assert.rejects(load({ 'compose.yaml': project(within + 1), 'shared.env': envFile }), rejects(3 * (within + 1) + 1, /more than 50000 environment variables in all \(service "s50" reads 1000 from shared\.env\)/));
});

test('extends may copy bases into services up to MAX_EXTENDED_VALUES values in all, then the file is refused', async () => {
  const { MAX_EXTENDED_VALUES } = await import('../../src/parse/compose/extends.js');
  const base = `  base:\n    image: a:1\n    environment:\n${Array.from({ length: 2000 }, (_, i) => `      K${i}: v${i}\n`).join('')}`;
  const file = (services: number) => `services:\n${base}${Array.from({ length: services }, (_, i) => `  s${i}:\n    extends: base\n`).join('')}`;
  // Each extending service holds about 2,000 values of its base.
  const within = Math.floor(MAX_EXTENDED_VALUES / 2010);
  const { document } = await load({ 'compose.yaml': file(within) });
  assert.equal(Object.keys(document.services ?? {}).length, within + 1);
  await assert.rejects(load({ 'compose.yaml': file(within * 2) }), (e: unknown) => e instanceof ParseError && /more than 200000 values in all/.test(e.message));
});

test('command and entrypoint are the words the container runs, each pointing at what wrote it; labels as environment', async () => {
  const { document, locate } = await load({
    'compose.yaml':
      'services:\n  web:\n    image: a\n    command: app --db "postgres://u:p w@db/x" \'$$HOME\'\n    entrypoint:\n      - /bin/run\n      - --token\n    labels: [tier=web, "owner=team a"]\n  db:\n    image: b\n',
  });
  const web = document.services?.web;
  assert.deepEqual(
    web?.command.map((w) => w.word),
    ['app', '--db', 'postgres://u:p w@db/x', '$HOME'],
    'split as compose splits a string: quotes removed, $$ an escaped $',
  );
  assert.deepEqual(locate(web?.command[2]?.path ?? []), { path: 'compose.yaml', startLine: 4, endLine: 4 });
  assert.deepEqual(web?.entrypoint.map((w) => w.word), ['/bin/run', '--token']);
  assert.deepEqual(locate(web?.entrypoint[1]?.path ?? []), { path: 'compose.yaml', startLine: 7, endLine: 7 }, 'a list item at its own line');
  assert.deepEqual(Object.fromEntries(Object.entries(web?.labels ?? {}).map(([k, v]) => [k, v.value])), { tier: 'web', owner: 'team a' });
  assert.deepEqual(document.services?.db?.command, []);
  assert.deepEqual(document.services?.db?.labels, {});
});

test('a command compose refuses is refused at its line: an unterminated quote, a mapping', async () => {
  await assert.rejects(load({ 'compose.yaml': 'services:\n  web:\n    image: a\n    command: echo "half\n' }), rejects(4, /the command has an unterminated quote/));
  await assert.rejects(load({ 'compose.yaml': 'services:\n  web:\n    image: a\n    entrypoint: {a: b}\n' }), rejects(4, /`entrypoint` must be a string or a list of strings/));
});

test('past 20,000 words in all, the services\' commands, entrypoints and healthchecks refuse the project at the service that passes it', async () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `a${i}`).join(' ');
  await load({ 'compose.yaml': `services:\n  a:\n    image: a\n    command: ${words(10_000)}\n    healthcheck: {test: "${words(10_000)}"}\n` });
  await assert.rejects(
    load({ 'compose.yaml': `services:\n  a:\n    image: a\n    command: ${words(10_000)}\n  b:\n    image: a\n    entrypoint: [${words(10_001).replaceAll(' ', ', ')}]\n` }),
    rejects(7, /commands, entrypoints and healthcheck tests hold more than 20000 words in all/),
  );
  await assert.rejects(load({ 'compose.yaml': `services:\n  a:\n    image: a\n    healthcheck:\n      test: "${words(20_001)}"\n` }), rejects(5, /more than 20000 words/));
});
