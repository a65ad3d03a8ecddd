import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { nodeHttpFetch } from '../../src/github/node-http-fetch-io.js';

// The fetch Octokit uses, against local servers: what it sends, what it returns, and that it agrees
// with Node's own fetch on the same answers.

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, seen: Seen) => void;

async function serve(handler: Handler): Promise<{ server: Server; url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(entry);
      handler(req, res, entry);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('nodeHttpFetch', () => {
  let main: Awaited<ReturnType<typeof serve>>;
  let other: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    other = await serve((_req, res) => res.end('elsewhere'));
    main = await serve((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      switch (url.pathname) {
        case '/json':
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.setHeader('X-RateLimit-Remaining', '4999');
          res.setHeader('Vary', ['Accept', 'Authorization']);
          return res.end('{"ok":true}');
        case '/gzip':
          res.setHeader('Content-Encoding', 'gzip');
          res.setHeader('Content-Type', 'application/json');
          return res.end(gzipSync('{"zipped":true}'));
        case '/see-other':
          res.writeHead(303, { Location: '/json' });
          return res.end();
        case '/temporary':
          res.writeHead(307, { Location: '/echo' });
          return res.end();
        case '/echo':
          res.setHeader('Content-Type', 'application/json');
          return res.end(JSON.stringify({ method: req.method }));
        case '/away':
          res.writeHead(302, { Location: `${other.url}/landed` });
          return res.end();
        case '/loop':
          res.writeHead(301, { Location: '/loop' });
          return res.end();
        case '/no-content':
          res.writeHead(204);
          return res.end();
        case '/stall':
          res.writeHead(200, { 'Content-Type': 'application/json' });
          return res.write('{"partial":');
        default:
          res.writeHead(404, { 'Content-Type': 'application/json' });
          return res.end('{"message":"Not Found"}');
      }
    });
  });
  after(async () => {
    main.server.closeAllConnections();
    other.server.closeAllConnections();
    await Promise.all([main, other].map(({ server }) => new Promise((resolve) => server.close(resolve))));
  });

  it('returns the status, the URL, the headers and the body as fetch does', async () => {
    const mine = await nodeHttpFetch(`${main.url}/json`);
    const node = await fetch(`${main.url}/json`);
    assert.equal(mine.status, 200);
    assert.equal(mine.url, node.url);
    assert.deepEqual([...mine.headers].filter(([name]) => name !== 'date'), [...node.headers].filter(([name]) => name !== 'date'));
    assert.equal(mine.headers.get('Content-Type'), 'application/json; charset=utf-8');
    assert.equal(mine.headers.get('vary'), 'Accept, Authorization');
    assert.equal(mine.headers.get('missing'), null);
    assert.equal(await mine.text(), await node.text());
  });

  it('sends the method, the headers and the body, and asks for a compressed answer', async () => {
    const response = await nodeHttpFetch(`${main.url}/echo`, { method: 'post', body: '{"a":1}', headers: { 'Content-Type': 'application/json', Authorization: 'token t' } });
    assert.deepEqual(JSON.parse(await response.text()), { method: 'POST' });
    const request = main.seen.at(-1)!;
    assert.equal(request.body, '{"a":1}');
    assert.equal(request.headers['content-length'], '7');
    assert.equal(request.headers.authorization, 'token t');
    assert.equal(request.headers['accept-encoding'], 'gzip, deflate');
  });

  it('inflates a gzip answer', async () => {
    const response = await nodeHttpFetch(`${main.url}/gzip`);
    assert.equal(await response.text(), '{"zipped":true}');
    assert.equal(new TextDecoder().decode(await response.arrayBuffer()), '{"zipped":true}');
  });

  it('follows redirects: 303 becomes a GET without body, 307 keeps the method and the body', async () => {
    const seeOther = await nodeHttpFetch(`${main.url}/see-other`, { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } });
    assert.equal(seeOther.url, `${main.url}/json`);
    const followed = main.seen.at(-1)!;
    assert.deepEqual([followed.method, followed.body, followed.headers['content-type']], ['GET', '', undefined]);
    const temporary = await nodeHttpFetch(`${main.url}/temporary`, { method: 'PATCH', body: 'y' });
    assert.deepEqual(JSON.parse(await temporary.text()), { method: 'PATCH' });
    assert.equal(main.seen.at(-1)!.body, 'y');
  });

  it('drops the credentials when a redirect leaves the origin', async () => {
    const response = await nodeHttpFetch(`${main.url}/away`, { headers: { authorization: 'token secret' } });
    assert.equal(await response.text(), 'elsewhere');
    assert.equal(other.seen.at(-1)!.headers.authorization, undefined);
  });

  it('gives up on a redirect loop, and returns the redirect itself when asked to', async () => {
    await assert.rejects(nodeHttpFetch(`${main.url}/loop`), (e: Error) => e instanceof TypeError && /redirect count exceeded/.test(String((e.cause as Error).message)));
    assert.equal((await nodeHttpFetch(`${main.url}/loop`, { redirect: 'manual' })).status, 301);
  });

  it('answers without a body (204) and with an error status alike', async () => {
    const empty = await nodeHttpFetch(`${main.url}/no-content`);
    assert.equal(empty.status, 204);
    assert.equal(await empty.text(), '');
    const missing = await nodeHttpFetch(`${main.url}/nowhere`);
    assert.deepEqual([missing.status, missing.statusText, JSON.parse(await missing.text())], [404, 'Not Found', { message: 'Not Found' }]);
  });

  it('rejects with the abort reason when aborted before the answer or while the body is read', async () => {
    const early = new AbortController();
    early.abort(new Error('too late'));
    await assert.rejects(nodeHttpFetch(`${main.url}/json`, { signal: early.signal }), /too late/);
    const midway = new AbortController();
    const response = await nodeHttpFetch(`${main.url}/stall`, { signal: midway.signal });
    setTimeout(() => midway.abort(new Error('no answer within 50 ms')), 50);
    await assert.rejects(response.text(), /no answer within 50 ms/);
  });

  it('rejects a refused connection with fetch\'s TypeError and the cause', async () => {
    const closed = await serve(() => undefined);
    await new Promise((resolve) => closed.server.close(resolve));
    await assert.rejects(nodeHttpFetch(`${closed.url}/x`), (e: Error) => e instanceof TypeError && e.message === 'fetch failed' && /ECONNREFUSED/.test((e.cause as Error).message));
  });
});
