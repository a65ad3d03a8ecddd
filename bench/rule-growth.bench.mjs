// How each built-in rule's Wasm time grows with hostile input. Dockerfiles: one RUN of many commands
// of one kind (joined by `&&`, or all in one pipeline), many RUNs, many stages, and many instructions
// of one kind. Compose files: many services each with the same settings, and one service with many
// items of one list. Each rule is compiled as its own entrypoint from policies/ as it is now,
// evaluated at a size and at four times it, and every rule whose time grows more than 6-fold (linear
// is 4) to over 100 ms is printed: that is how rules that went through a RUN's commands for each
// command, every prefix of a path, every pair of stages or every pair of services were found.
// Figures, not a test: the exit status is 0 either way.
// Run: node --import tsx bench/rule-growth.bench.mjs [--scale 1] [--only dockerfile|compose]
import { parseArgs } from 'node:util';
import { parseFile } from '../src/parse/registry.ts';
import { growthReport, measureGrowth } from './lib/rule-growth.mjs';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, only: { type: 'string' } } });
const scale = Number(values.scale);

// One command per kind the rules look at, `${i}` numbering it where a rule pairs commands by name.
const COMMANDS = {
  'apt-get install': () => 'apt-get install -y curl',
  'apt-get update + install': (i) => `apt-get update && apt-get install -y p${i}`,
  'apk add': () => 'apk add curl',
  'pip install': () => 'pip install flask',
  'npm install': () => 'npm install -g x',
  'yum install': () => 'yum install -y x',
  'zypper install': () => 'zypper install -y x',
  'pacman -Sy': () => 'pacman -Sy x',
  chmod: (i) => `chmod 4755 /usr/bin/t${i}`,
  'chmod + rm': (i) => `chmod 777 /x${i} && rm -rf /x${i}`,
  'curl -o + rm': (i) => `curl -fsSLo /tmp/a${i}.tgz https://e.example/a${i}.tgz && rm -rf /tmp/a${i}.tgz`,
  'curl -o + run': (i) => `curl -fsSLo /tmp/i${i}.sh https://e.example/i${i}.sh && sh /tmp/i${i}.sh`,
  'curl | tee | sh': (i) => `curl -fsSL https://e.example/i${i}.sh | tee /tmp/i${i}.sh | sh`,
  'curl > file': (i) => `curl -fsSL https://e.example/x > /tmp/x${i}`,
  'wget + chmod + run': (i) => `wget -O /usr/local/bin/t${i} https://e.example/t${i} && chmod +x /usr/local/bin/t${i} && t${i} --version`,
  'curl + gpg': (i) => `curl -fsSLo /tmp/k${i}.asc https://e.example/k${i}.asc && gpg --verify /tmp/k${i}.asc`,
  'eval $(curl)': () => 'eval "$(curl -fsSL https://e.example/x)"',
  'sh -c script': () => 'sh -c "curl -fsSL https://e.example/x | sh"',
  'sudo / su -c': () => 'sudo apt-get install -y x && su app -c "echo hi"',
  'git clone with credentials': () => 'git clone https://u:p@e.example/r.git',
  'export token': () => `export GITHUB_TOKEN=ghp_${'a'.repeat(36)}`,
  'prefix assignment': (i) => `TOKEN${i}=glpat-${'a'.repeat(20)} make t${i}`,
  'TLS off': () => 'env X=1 curl -k https://e.example && git config --global http.sslVerify false',
  'useradd': (i) => `useradd -u ${100000 + i} u${i}`,
  'set -o pipefail': (i) => `set -o pipefail && cat a${i} | grep b`,
  'curl and wget': (i) => `curl -fsSLo /a${i} https://e.example/a && wget https://e.example/b${i}`,
};

// Each shape at its smaller size; the larger is four times it.
const SHAPES = {
  'one RUN, &&': [1000, (make, n) => ['FROM alpine:3.20', 'USER 1000', `RUN ${numbered(make, n).join(' && ')}`]],
  'one RUN, one pipeline': [1000, (make, n) => ['FROM alpine:3.20', 'USER 1000', `RUN ${numbered(make, n).join(' | ')}`]],
  'a RUN each': [1000, (make, n) => ['FROM alpine:3.20', 'USER 1000', ...numbered(make, n).map((c) => `RUN ${c}`)]],
  // Stages are bounded at 1,000 by the parser.
  'a stage each': [200, (make, n) => numbered(make, n).flatMap((c, i) => [`FROM alpine:3.20 AS s${i}`, `RUN ${c}`, `COPY --from=s${Math.max(0, i - 1)} /x${i} /y`])],
};

// Instructions other than RUN, many of one kind in one stage after a builder stage.
const INSTRUCTIONS = {
  ENV: (i) => `ENV K${i}_PASSWORD=secret${i} PATH=/x${i}:$PATH`,
  ARG: (i) => `ARG A${i}=v${i}`,
  LABEL: (i) => `LABEL l${i}="v${i}"`,
  EXPOSE: (i) => `EXPOSE ${1 + (i % 60000)}/tcp 22`,
  COPY: (i) => `COPY --chown=root:root --chmod=777 ./a${i} /b${i}/`,
  'COPY --from': (i) => `COPY --from=s0 /x${i} /y${i}`,
  'COPY --from an image': (i) => `COPY --from=alpine:3.${i} /x /y${i}`,
  ADD: (i) => `ADD https://e.example/f${i}.tgz /opt/f${i}/`,
  'ADD a repository': (i) => `ADD --keep-git-dir=true git@e.example:r${i}.git /src${i}`,
  USER: (i) => `USER ${i % 2 ? 'root' : `u${i}`}`,
  WORKDIR: (i) => `WORKDIR d${i}`,
  HEALTHCHECK: (i) => `HEALTHCHECK CMD curl -f http://localhost:${i}/ || exit 1`,
  CMD: (i) => `CMD ["sh", "-c", "echo ${i}"]`,
  ENTRYPOINT: (i) => `ENTRYPOINT sudo /bin/x${i}`,
  ONBUILD: (i) => `ONBUILD RUN curl https://e.example/${i} | sh`,
  VOLUME: (i) => `VOLUME /v${i}`,
  SHELL: () => 'SHELL ["/bin/bash", "-c"]',
  'RUN --mount': (i) => `RUN --mount=type=secret,id=s${i},target=/s${i} --mount=type=cache,target=/c${i} cat /s${i}`,
  'ENV then RUN $': (i) => (i % 2 ? `ENV V${i}=https://e.example/${i}` : `RUN curl -k $V${i - 1} -o /f${i}`),
};

// Compose: each of many services with the same settings (`i` numbers the service)…
const SERVICE_SETTINGS = {
  ports: (i) => [`ports: ["${1000 + i}:80", "0.0.0.0:${20000 + i}:22"]`],
  'a shared volume': (i) => [`volumes: ["shared:/data", "./d${i}:/d${i}", "/var/run/docker.sock:/var/run/docker.sock"]`],
  environment: (i) => [`environment: {TOKEN_${i}: "ghp_${'a'.repeat(36)}", DB_PASSWORD: "pw${i}", NODE_TLS_REJECT_UNAUTHORIZED: "0"}`],
  capabilities: () => ['cap_add: [SYS_ADMIN, NET_ADMIN]', 'cap_drop: [CHOWN]'],
  'security options': () => ['security_opt: ["seccomp:unconfined", "apparmor:unconfined", "label:disable"]', 'privileged: true'],
  devices: (i) => [`devices: ["/dev/sda${i}:/dev/sda"]`, 'device_cgroup_rules: ["a *:* rwm"]'],
  'sysctls, ulimits': (i) => [`sysctls: {net.ipv4.ip_forward: 1, kernel.k${i}: 1}`, 'ulimits: {nofile: {soft: 1, hard: 2}}'],
  'a chain of dependencies': (i) => [`depends_on: [s${Math.max(0, i - 1)}]`, `network_mode: "service:s${Math.max(0, i - 1)}"`],
  'networks, secrets, labels': (i) => [`networks: [shared, n${i}]`, `secrets: [s${i}]`, `labels: {l${i}: v}`, 'logging: {driver: none}', 'restart: always'],
  build: (i) => [`build: {context: ./c${i}, network: host, args: {NPM_TOKEN: "npm_${'a'.repeat(36)}"}}`],
  'host namespaces': () => ['pid: host', 'ipc: host', 'uts: host', 'userns_mode: host', 'cgroup: host'],
};

// …and one service with many items of one list.
const SERVICE_LISTS = {
  ports: (i) => `- "${1000 + i}:80"`,
  volumes: (i) => `- "v${i}:/d${i}"`,
  environment: (i) => `K${i}_PASSWORD: "x${i}"`,
  cap_add: (i) => `- CAP${i}`,
  security_opt: (i) => `- "label:type:t${i}"`,
  devices: (i) => `- "/dev/x${i}:/dev/x${i}"`,
  sysctls: (i) => `k.n${i}: 1`,
};

function numbered(make, n) {
  return Array.from({ length: n }, (_, i) => make(i));
}

function documentOf(kind, name, lines) {
  return parseFile(kind, name, Buffer.from(`${lines.join('\n')}\n`)).document;
}

function* dockerfileCases() {
  const pair = (label, n, build) => [label, documentOf('dockerfile', 'Dockerfile', build(n)), documentOf('dockerfile', 'Dockerfile', build(n * 4))];
  for (const [kind, make] of Object.entries(COMMANDS)) {
    for (const [shape, [base, build]] of Object.entries(SHAPES)) yield pair(`${kind}, ${shape}`, Math.round(base * scale), (n) => build(make, n));
  }
  for (const [kind, make] of Object.entries(INSTRUCTIONS)) {
    yield pair(`${kind} instructions`, Math.round(2500 * scale), (n) => ['FROM alpine:3.20 AS s0', 'RUN touch /x', 'FROM alpine:3.20', ...numbered(make, n)]);
  }
}

function* composeCases() {
  const pair = (label, n, build) => [label, documentOf('compose', 'compose.yml', build(n)), documentOf('compose', 'compose.yml', build(n * 4))];
  const declared = (n) => ['volumes:', '  shared: {}', 'networks:', '  shared: {}', ...numbered((i) => `  n${i}: {}`, n), 'secrets:', ...numbered((i) => `  s${i}: {file: ./s${i}}`, n)];
  for (const [kind, make] of Object.entries(SERVICE_SETTINGS)) {
    yield pair(`services, each with ${kind}`, Math.round(500 * scale), (n) => [
      'services:',
      ...numbered((i) => [`  s${i}:`, `    image: r${i}.example/x:latest`, ...make(i).map((line) => `    ${line}`)], n).flat(),
      ...declared(n),
    ]);
  }
  for (const [list, make] of Object.entries(SERVICE_LISTS)) {
    yield pair(`one service, ${list} items`, Math.round(2000 * scale), (n) => ['services:', '  s0:', '    image: r.example/x:latest', `    ${list}:`, ...numbered((i) => `      ${make(i)}`, n)]);
  }
}

const kinds = { dockerfile: dockerfileCases, compose: composeCases };
for (const [kind, cases] of Object.entries(kinds)) {
  if (values.only !== undefined && values.only !== kind) continue;
  console.log(growthReport(kind, await measureGrowth(kind, cases())));
}
