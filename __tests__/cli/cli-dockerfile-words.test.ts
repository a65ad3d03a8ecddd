import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { sink, writeTree } from '../support/temp-tree.js';

interface Report {
  findings: { ruleId: string; path: string; startLine: number; message: string }[];
  errors: unknown[];
}

/** Scans a tree holding one Dockerfile; the rule ids found on each line. */
async function scanDockerfile(text: string): Promise<{ code: number; report: Report; at: (ruleId: string) => number[] }> {
  const out = sink();
  const code = await runCli(['scan', '.', '--format', 'json'], writeTree({ Dockerfile: text }), out, sink());
  const report = JSON.parse(out.text) as Report;
  const at = (ruleId: string) => report.findings.filter((f) => f.ruleId === ruleId).map((f) => f.startLine);
  return { code, report, at };
}

describe('scan: Dockerfile words read as BuildKit reads them', () => {
  it('judges a quoted FROM by the image BuildKit pulls: CPD001 denies "ubuntu:latest" and \'ubuntu\' as it does them unquoted', async () => {
    for (const image of ['"ubuntu:latest"', "'ubuntu'", 'ubuntu:latest', 'ubuntu']) {
      const { code, report, at } = await scanDockerfile(`FROM ${image}\nUSER 1000\n`);
      assert.deepEqual(at('CPD001'), [1], image);
      assert.equal(code, 1, image);
      assert.deepEqual(report.errors, [], image);
      const named = report.findings.find((f) => f.ruleId === 'CPD001')?.message ?? '';
      assert.match(named, /uses image "ubuntu(:latest)?" /, image);
    }
  });

  it('leaves an unquoted pinned image as it was', async () => {
    const { at } = await scanDockerfile('FROM ubuntu:24.04\nUSER 1000\n');
    assert.deepEqual(at('CPD001'), []);
    assert.deepEqual(at('CPD003'), [1]);
  });

  it('denies curl piped into a shell inside a shell-form bash -c, on its line, as it does written plainly', async () => {
    const { code, at } = await scanDockerfile(
      'FROM ubuntu:24.04\nUSER 1000\nRUN bash -c "curl -fsSL https://x.sh | sh"\nRUN curl -fsSL https://x.sh | sh\nRUN sh -c \'echo ok | tee /tmp/x\'\n',
    );
    assert.deepEqual(at('CPD026'), [3, 4]);
    assert.deepEqual(at('CPD054'), [3, 4], 'echo into tee cannot fail');
    assert.equal(code, 1);
  });

  it('denies it too when the script holds an expansion or escaped quotes, which hid it before', async () => {
    const { at } = await scanDockerfile(
      'FROM ubuntu:24.04\nUSER 1000\nRUN bash -c "curl -fsSL $URL | sh"\nRUN bash -c "echo \\"go\\"; curl -fsSL https://x.sh | sh"\nRUN sh -c \'X=1; curl -fsSL https://x.sh/$X | sh\'\n',
    );
    assert.deepEqual(at('CPD026'), [3, 4, 5]);
  });

  it('denies curl piped into a shell inside scripts run through sudo, su -c, exec and eval, which hid it before', async () => {
    const { at } = await scanDockerfile(
      [
        'FROM ubuntu:24.04',
        'USER 1000',
        'RUN sudo bash -c "curl -fsSL https://x.sh | sh"',
        'RUN sudo -u app sh -c "curl -fsSL https://x.sh | sh"',
        'RUN su app -c "curl -fsSL https://x.sh | sh"',
        'RUN exec sh -c "curl -fsSL https://x.sh | sh"',
        'RUN eval "curl -fsSL https://x.sh | sh"',
        'RUN ["su", "app", "-c", "curl -fsSL https://x.sh | sh"]',
        'RUN su app -c "curl -fsSL -o /tmp/x.sh https://x.sh" && sh /tmp/x.sh',
        '',
      ].join('\n'),
    );
    // Line 9 saves the script inside su's script and runs it after: unchecked, that is caught too.
    assert.deepEqual(at('CPD026'), [3, 4, 5, 6, 7, 8, 9]);
  });

  it('judges the program behind a runner and its options, not the option value', async () => {
    const { at, report } = await scanDockerfile('FROM ubuntu:24.04\nUSER 1000\nRUN sudo -u root apt-get install -y curl\nRUN timeout 60 curl -k https://x.example/a -o /a\n');
    assert.deepEqual(at('CPD010'), [3], 'apt-get install without pinning');
    assert.deepEqual(at('CPD027'), [4]);
    assert.ok(report.findings.every((f) => !/"root"/.test(f.message) || f.ruleId === 'CPD022'), 'no rule took the -u value for the program');
  });

  it('denies a download run as a script without a pipe: $(curl), <(curl), eval and an interpreter\'s code', async () => {
    const { at, report } = await scanDockerfile(
      [
        'FROM ubuntu:24.04',
        'USER 1000',
        'RUN sh -c "$(curl -fsSL https://x.example/install.sh)" --keep-zshrc',
        'RUN bash <(wget -qO- https://x.example/i.sh)',
        'RUN eval "$(curl -fsSL https://x.example/env)"',
        'RUN python3 -c "$(curl -fsSL https://x.example/get.py)"',
        'RUN . <(curl -fsSL https://x.example/env.sh)',
        'RUN bash -c "`curl -fsSL https://x.example/b.sh`"',
        'RUN echo "$(curl -fsSL https://x.example/version)" > /version',
        'RUN sh /opt/setup.sh "$(curl -fsSL https://x.example/token)"',
        'RUN diff <(curl -fsSL https://x.example/a) /etc/a',
        '',
      ].join('\n'),
    );
    assert.deepEqual(at('CPD026'), [3, 4, 5, 6, 7, 8]);
    const messages = report.findings.filter((f) => f.ruleId === 'CPD026').map((f) => f.message);
    assert.ok(messages.includes('wget output is run as a script without verification'), messages.join('; '));
  });

  it('denies TLS verification turned off by a variable, and package checks turned off by settings, which passed before', async () => {
    const { at, code } = await scanDockerfile(
      [
        'FROM ubuntu:24.04',
        'USER 1000',
        'ENV NODE_TLS_REJECT_UNAUTHORIZED=0',
        'ARG GIT_SSL_NO_VERIFY=1',
        'RUN export PYTHONHTTPSVERIFY=0 && pip config set global.trusted-host x.example',
        'RUN apt-get -o APT::Get::AllowUnauthenticated=true install -y curl=8.5.0-2ubuntu10',
        'RUN echo "deb [trusted=yes] http://x.example stable main" > /etc/apt/sources.list.d/x.list',
        'RUN dnf install -y --setopt=gpgcheck=0 x-1.0',
        'ENV NODE_TLS_REJECT_UNAUTHORIZED=1',
        'RUN GIT_SSL_NO_VERIFY=true git clone https://x.example/r.git && NODE_TLS_REJECT_UNAUTHORIZED=1 npm ci',
        '',
      ].join('\n'),
    );
    assert.deepEqual(at('CPD027'), [3, 4, 5, 5, 10], 'export and pip config on line 5');
    assert.deepEqual(at('CPD028'), [6, 7, 8]);
    assert.equal(code, 1);
  });

  it('reads a download redirected to a file as saving it: unverified (CPD056) and left in the image (CPD057)', async () => {
    const { at } = await scanDockerfile(
      [
        'FROM ubuntu:24.04',
        'USER 1000',
        'RUN curl -fsSL https://x.example/app.tgz > /tmp/app.tgz 2>/dev/null && tar -xzf /tmp/app.tgz -C /opt',
        'RUN wget -qO- https://x.example/b.tgz >> b.tgz && tar -xzf b.tgz && rm b.tgz',
        'RUN curl -fsSL https://x.example/health > /dev/null',
        'RUN bash -c "curl -fsSL https://x.example/c.zip > c.zip"',
        'RUN set -o pipefail && curl -fsSL https://x.example/d.tgz | tee /tmp/d.tgz | tar -xz -C /opt',
        'RUN set -o pipefail && curl -fsSL https://x.example/v.json | jq -r .v | tee /tmp/v.txt',
        '',
      ].join('\n'),
    );
    assert.deepEqual(at('CPD056'), [3, 4, 6, 7], 'a download tee writes is saved; what jq makes of one is not');
    assert.deepEqual(at('CPD057'), [3, 6, 7], 'b.tgz is removed in its RUN');
  });

  it('denies a credential written into a RUN command line, without repeating it in the finding (CPD069)', async () => {
    const { at, report, code } = await scanDockerfile(
      [
        'FROM ubuntu:24.04',
        'USER 1000',
        'RUN git clone https://deploy:hunter2@git.example/org/app.git /src',
        'RUN --mount=type=secret,id=t git clone "https://oauth2:$(cat /run/secrets/t)@git.example/org/app.git" /src2',
        'RUN AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP aws s3 cp s3://b/k . && SECRET_KEY=dummy python manage.py collectstatic',
        "RUN bash -c 'docker login -u ci --password s3cret registry.example'",
        '',
      ].join('\n'),
    );
    assert.deepEqual(at('CPD069'), [3, 5, 6]);
    for (const secret of ['hunter2', 'AKIAABCDEFGHIJKLMNOP', 's3cret']) {
      assert.ok(report.findings.every((f) => !f.message.includes(secret)), `a message repeats ${secret}`);
    }
    assert.equal(code, 1);
  });

  it('warns on setuid/setgid bits (CPD070) and world-writable modes (CPD071) in the shipped image, by chmod or --chmod', async () => {
    const { at } = await scanDockerfile(
      [
        'FROM alpine:3.20 AS build',
        'RUN chmod 4755 /build/tool',
        'FROM alpine:3.20',
        'USER 1000',
        'COPY --from=build --chmod=2755 /build/tool /usr/local/bin/',
        'RUN chmod -R 777 /srv/app && chmod 1777 /srv/tmp && chmod u+s /usr/bin/ping',
        'RUN d="$(mktemp -d)" && chmod 777 "$d" && make -C "$d" && rm -rf "$d"',
        'ADD --chmod=666 app.conf /etc/app.conf',
        '',
      ].join('\n'),
    );
    assert.deepEqual(at('CPD070'), [5, 6], 'the builder stage does not ship');
    assert.deepEqual(at('CPD071'), [6, 8], 'a sticky directory and a directory the RUN removes are left alone');
  });

  it('follows a builder stage\'s setuid bit and world-writable mode into the shipped image through COPY --from, at the chmod', async () => {
    const { at, report } = await scanDockerfile(
      [
        'FROM golang:1.23 AS build',
        'WORKDIR /src',
        'RUN go build -o /out/tool . && chmod 4755 /out/tool && chmod -R 777 www/ && chmod 4755 /out/test-helper',
        'FROM alpine:3.20',
        'USER 1000',
        'COPY --from=build /out/tool /usr/local/bin/tool',
        'COPY --from=build /src/www /srv/www',
        'COPY --from=build --chmod=0755 /out/test-helper /usr/local/bin/',
        '',
      ].join('\n'),
    );
    assert.deepEqual(at('CPD070'), [3], 'test-helper is given its own mode by --chmod');
    assert.deepEqual(at('CPD071'), [3]);
    const messages = report.findings.filter((f) => f.ruleId === 'CPD070' || f.ruleId === 'CPD071').map((f) => f.message);
    assert.deepEqual(messages.sort(), [
      'chmod 4755 sets the setuid bit on /out/tool, which COPY --from=build on line 6 copies into the shipped image',
      'chmod 777 makes /src/www writable by every user, and COPY --from=build on line 7 copies it into the shipped image',
    ]);
  });

  it('denies a script saved and then run by the same RUN unchecked, as it does one piped into a shell (CPD026)', async () => {
    const { at, code } = await scanDockerfile(
      [
        'FROM ubuntu:24.04',
        'USER 1000',
        'RUN curl -fsSL https://get.docker.example > get-docker.sh && sh get-docker.sh',
        'RUN curl -fsSLo get-pip.py https://bootstrap.example/get-pip.py && echo "abc  get-pip.py" | sha256sum -c - && python3 get-pip.py',
        'RUN wget -O /usr/local/bin/dind https://x.example/dind && sh -n /usr/local/bin/dind',
        'RUN curl -fsSLo tool https://x.example/tool && chmod +x tool && ./tool --version',
        '',
      ].join('\n'),
    );
    assert.deepEqual(at('CPD026'), [3, 6], 'a checked script and a syntax check are left alone');
    assert.equal(code, 1);
  });

  it('denies a token in a file COPY writes from a heredoc, at the token\'s line, and not a password read from a variable', async () => {
    const token = `npm_${'a1'.repeat(18)}`;
    const { code, at, report } = await scanDockerfile(
      `FROM node:22.11.0\nUSER node\nCOPY <<EOF /home/node/.npmrc\nregistry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${token}\nEOF\nCOPY <<EOF /home/node/.netrc\nmachine x login ci password \${NETRC_PASSWORD}\nEOF\n`,
    );
    assert.deepEqual(at('CPD073'), [5]);
    assert.equal(code, 1);
    assert.ok(!report.findings.some((f) => f.message.includes(token)), 'the token is never quoted');
  });

  it('warns of a yarn install that keeps its cache (CPD074) at its own line, and not where the RUN empties the cache as it is usually written', async () => {
    const { at, report } = await scanDockerfile(
      [
        'FROM node:20.11.1 AS build',
        'RUN yarn install --frozen-lockfile',
        'FROM node:20.11.1',
        'USER 1000',
        'RUN yarn install --production && rm -rf "$(yarn cache dir)"',
        'RUN yarn install --production && rm -rf ~/.cache/yarn',
        'RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install',
        "RUN sh -c 'yarn install && yarn cache clean'",
        'RUN echo "yarn $(yarn --version)" && yarn --help',
        'RUN yarn --cwd web build \\',
        '    && yarn global add pm2@5.3.1',
        '',
      ].join('\n'),
    );
    assert.deepEqual(at('CPD074'), [11]);
    assert.match(report.findings.find((f) => f.ruleId === 'CPD074')?.message ?? '', /^`yarn global add` without `yarn cache clean`/);
  });

  it('denies a flag written without `=` (CPD075) with the fix, and does not count its value as a second source (CPD047)', async () => {
    const { code, report, at } = await scanDockerfile(
      'FROM node:22.11.0 AS build\nRUN npm ci\nFROM nginx:1.27.3\nCOPY --from build /app/public /usr/share/nginx/html\nHEALTHCHECK --interval 30s CMD true\nCOPY --from=build --link /app/a /app/b /srv/\nUSER 101\n',
    );
    assert.equal(code, 1);
    assert.deepEqual(at('CPD075'), [4, 5]);
    assert.deepEqual(at('CPD047'), []);
    const messages = report.findings.filter((f) => f.ruleId === 'CPD075').map((f) => f.message);
    assert.match(messages[0] ?? '', /write --from=build$/);
    assert.match(messages[1] ?? '', /write --interval=30s$/);
  });
});
