import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

// Octokit sends its requests through a `fetch`. Node's own is undici, which is not in the snapshot:
// its first call loads and initialises the whole implementation (WebIDL, streams, the llhttp Wasm
// parser), 50-80 ms of a ~300 ms cold start, against ~8 ms for a first request over node:http. This
// is the slice of fetch that Octokit uses, over node:http and node:https.

/** The request options Octokit passes to `fetch`. */
export interface FetchInit {
  readonly method?: string;
  readonly body?: string | Uint8Array | null;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal | null;
  readonly redirect?: 'follow' | 'manual' | 'error';
}

/** The part of a fetch `Response` Octokit reads. */
export interface FetchedResponse {
  readonly status: number;
  readonly statusText: string;
  /** The URL answered, after redirects. */
  readonly url: string;
  readonly headers: ResponseHeaders;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Response headers as fetch's `Headers` shows them: lower-case names in order, repeated values joined. */
export class ResponseHeaders implements Iterable<[string, string]> {
  private readonly entries: ReadonlyMap<string, string>;
  constructor(raw: IncomingHttpHeaders) {
    const names = Object.keys(raw).sort();
    this.entries = new Map(names.map((name) => [name, joinValue(raw[name])]));
  }
  get(name: string): string | null {
    return this.entries.get(name.toLowerCase()) ?? null;
  }
  [Symbol.iterator](): Iterator<[string, string]> {
    return this.entries[Symbol.iterator]();
  }
}

/** Fetch follows at most this many redirects (its spec's limit). */
const MAX_REDIRECTS = 20;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * `fetch` for Octokit over node:http(s): follows redirects as fetch does (303, and 301/302 after a
 * POST, become a GET without body; the credentials are dropped when the origin changes), asks for
 * compressed answers and inflates them, and honours the abort signal until the body is read.
 * Network failures reject with fetch's `TypeError('fetch failed')`, the cause attached.
 */
export async function nodeHttpFetch(url: string, init: FetchInit = {}): Promise<FetchedResponse> {
  let target = new URL(url);
  let method = (init.method ?? 'GET').toUpperCase();
  let body = init.body ?? undefined;
  // What Node's fetch asks for: brotli only over TLS.
  const headers: Record<string, string> = { 'accept-encoding': target.protocol === 'https:' ? 'br, gzip, deflate' : 'gzip, deflate' };
  for (const [name, value] of Object.entries(init.headers ?? {})) headers[name.toLowerCase()] = value;
  for (let redirects = 0; ; redirects++) {
    const answer = await send(target, method, headers, body, init.signal ?? undefined);
    const location = answer.headers.location;
    const status = answer.statusCode ?? 0;
    if (!REDIRECT_STATUSES.has(status) || location === undefined || init.redirect === 'manual') return toResponse(target, answer, init.signal ?? undefined);
    answer.resume();
    if (init.redirect === 'error') throw new TypeError('fetch failed', { cause: new Error(`unexpected redirect to ${location}`) });
    if (redirects === MAX_REDIRECTS) throw new TypeError('fetch failed', { cause: new Error('redirect count exceeded') });
    const next = new URL(location, target);
    if (status === 303 ? method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST') {
      method = 'GET';
      body = undefined;
      for (const name of ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']) delete headers[name];
    }
    if (next.origin !== target.origin) delete headers.authorization;
    target = next;
  }
}

function send(target: URL, method: string, headers: Record<string, string>, body: string | Uint8Array | undefined, signal: AbortSignal | undefined): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, { method, headers, ...(signal ? { signal } : {}) }, resolve);
    request.on('error', (error) => reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error })));
    request.end(body);
  });
}

function toResponse(target: URL, answer: IncomingMessage, signal: AbortSignal | undefined): FetchedResponse {
  const headers = new ResponseHeaders(answer.headers);
  const bytes = readBody(answer, signal).then((raw) => inflate(raw, headers.get('content-encoding')));
  // Like fetch, the body is read whether or not anyone asks for it; a failure nobody awaits is no crash.
  bytes.catch(() => undefined);
  return {
    status: answer.statusCode ?? 0,
    statusText: answer.statusMessage ?? '',
    url: target.href,
    headers,
    text: async () => (await bytes).toString('utf8'),
    arrayBuffer: async () => {
      const buffer = await bytes;
      return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
    },
  };
}

function readBody(answer: IncomingMessage, signal: AbortSignal | undefined): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    answer.on('data', (chunk: Buffer) => chunks.push(chunk));
    answer.on('end', () => resolve(Buffer.concat(chunks)));
    answer.on('error', (error) => reject(signal?.aborted ? signal.reason : new TypeError('terminated', { cause: error })));
    // A connection closed before the end of the body, or an abort, ends the stream without 'end'.
    answer.on('close', () => {
      if (!answer.complete) reject(signal?.aborted ? signal.reason : new TypeError('terminated', { cause: new Error('the connection closed before the body ended') }));
    });
  });
}

function inflate(raw: Buffer, encoding: string | null): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(raw);
    case 'deflate':
      return inflateSync(raw);
    case 'br':
      return brotliDecompressSync(raw);
    default:
      return raw;
  }
}

function joinValue(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}
