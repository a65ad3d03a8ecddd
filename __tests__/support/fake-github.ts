import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A pull request file as GitHub's "list pull request files" endpoint returns it (the fields it always sends). */
export interface FakePullFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previous_filename?: string;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A route handler: return true when it answered. */
export type FakeRoute = (req: IncomingMessage, res: ServerResponse, url: URL, body: string) => boolean;

/**
 * A stand-in for the GitHub REST API on 127.0.0.1, answering in GitHub's response shapes. Tests add
 * routes; every request is recorded so a test can assert what the action asked for.
 */
export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: FakeRoute[] = [];
  private server?: Server;

  get url(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  route(handler: FakeRoute): this {
    this.routes.push(handler);
    return this;
  }

  /**
   * Serves `GET /repos/{owner}/{repo}/pulls/{number}/files` from `files`, `pageSize` per page (the
   * server decides the page size, as GitHub caps per_page), with `Link` headers for next and last.
   */
  pullRequestFiles(owner: string, repo: string, number: number, files: FakePullFile[], pageSize = 100): this {
    const path = `/repos/${owner}/${repo}/pulls/${number}/files`;
    return this.route((req, res, url) => {
      if (req.method !== 'GET' || url.pathname !== path) return false;
      const page = Number(url.searchParams.get('page') ?? '1');
      const lastPage = Math.max(1, Math.ceil(files.length / pageSize));
      const slice = files.slice((page - 1) * pageSize, page * pageSize).map((f, i) => toGitHubFile(owner, repo, f, i));
      const link = (p: number) => {
        const u = new URL(url.href);
        u.searchParams.set('page', String(p));
        return `<${this.url}${u.pathname}${u.search}>`;
      };
      const links = page < lastPage ? [`${link(page + 1)}; rel="next"`, `${link(lastPage)}; rel="last"`] : [];
      if (page > 1) links.push(`${link(1)}; rel="first"`, `${link(page - 1)}; rel="prev"`);
      sendJson(res, 200, slice, links.length > 0 ? { link: links.join(', ') } : {});
      return true;
    });
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        this.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        for (const route of this.routes) if (route(req, res, url, body)) return;
        sendJson(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-github-media-type': 'github.v3; format=json',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

function toGitHubFile(owner: string, repo: string, file: FakePullFile, index: number) {
  const sha = (index + 1).toString(16).padStart(40, 'a');
  return {
    sha,
    filename: file.filename,
    status: file.status,
    additions: file.status === 'removed' ? 0 : 3,
    deletions: file.status === 'added' ? 0 : 1,
    changes: 4,
    blob_url: `https://github.com/${owner}/${repo}/blob/${sha}/${encodeURI(file.filename)}`,
    raw_url: `https://github.com/${owner}/${repo}/raw/${sha}/${encodeURI(file.filename)}`,
    contents_url: `https://api.github.com/repos/${owner}/${repo}/contents/${encodeURI(file.filename)}?ref=${sha}`,
    patch: '@@ -1 +1 @@',
    ...(file.previous_filename ? { previous_filename: file.previous_filename } : {}),
  };
}
