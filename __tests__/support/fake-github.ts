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

/** An injected failure: GitHub's status, message and headers (e.g. `retry-after`), `times` in a row. */
export interface FakeFault {
  status: number;
  message: string;
  headers?: Record<string, string>;
  times?: number;
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
  /** Check runs created through `checkRunsApi`, with every request made to each. */
  readonly checkRuns: FakeCheckRun[] = [];
  private readonly faults: (FakeFault & { pathPrefix: string; left: number })[] = [];
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

  /**
   * Serves `GET /repos/{owner}/{repo}/compare/{base}...{head}` in GitHub's shape; like GitHub, the
   * file list stops at 300 entries whatever the comparison holds.
   */
  compare(owner: string, repo: string, base: string, head: string, files: FakePullFile[]): this {
    const path = `/repos/${owner}/${repo}/compare/${base}...${head}`;
    return this.route((req, res, url) => {
      if (req.method !== 'GET' || decodeURIComponent(url.pathname) !== path) return false;
      sendJson(res, 200, {
        url: `https://api.github.com${path}`,
        status: 'ahead',
        ahead_by: 1,
        behind_by: 0,
        total_commits: 1,
        base_commit: { sha: base },
        merge_base_commit: { sha: base },
        commits: [{ sha: head }],
        files: files.slice(0, 300).map((f, i) => toGitHubFile(owner, repo, f, i)),
      });
      return true;
    });
  }

  /** Files registered through `contents`, per `owner/repo@ref`, for the directory listings. */
  private readonly trees = new Map<string, Set<string>>();

  /**
   * Serves `GET /repos/{owner}/{repo}/contents/{path}?ref=` for one file at one ref, base64 encoded as GitHub sends it,
   * and lists every directory above it at that ref (the contents API's array of entries) with the other files registered there.
   */
  contents(owner: string, repo: string, path: string, ref: string, content: string): this {
    const route = `/repos/${owner}/${repo}/contents/${path}`;
    const treeKey = `${owner}/${repo}@${ref}`;
    if (!this.trees.has(treeKey)) {
      const tree = new Set<string>();
      this.trees.set(treeKey, tree);
      this.route((req, res, url) => directoryListing(req, res, url, owner, repo, ref, tree));
    }
    this.trees.get(treeKey)?.add(path);
    return this.route((req, res, url) => {
      if (req.method !== 'GET' || decodeURIComponent(url.pathname) !== route || url.searchParams.get('ref') !== ref) return false;
      const bytes = Buffer.from(content);
      sendJson(res, 200, {
        type: 'file',
        encoding: 'base64',
        size: bytes.length,
        name: path.slice(path.lastIndexOf('/') + 1),
        path,
        sha: 'c'.repeat(40),
        content: bytes.toString('base64').replace(/(.{60})/g, '$1\n'),
      });
      return true;
    });
  }

  /**
   * Answers the next requests whose path starts with `pathPrefix` with the given failures, in order,
   * before any route sees them (`times` of each; Infinity for a fault that never recovers).
   */
  fail(pathPrefix: string, faults: readonly FakeFault[]): this {
    this.faults.push(...faults.map((f) => ({ ...f, pathPrefix, left: f.times ?? 1 })));
    return this;
  }

  /**
   * Serves the Checks API for `owner/repo`: `POST /repos/{o}/{r}/check-runs` answers 201 with the
   * new run, `PATCH /repos/{o}/{r}/check-runs/{id}` answers 200 with it, in GitHub's shapes. Each
   * request body is kept in `checkRuns` (create first, then the updates) so a test can see every
   * annotation batch. With `forbidden`, both answer 403 as GitHub does for a read-only token.
   */
  checkRunsApi(owner: string, repo: string, options: { forbidden?: boolean } = {}): this {
    const base = `/repos/${owner}/${repo}/check-runs`;
    return this.route((req, res, url, body) => {
      if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) return false;
      if (options.forbidden) {
        sendJson(res, 403, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
          status: '403',
        });
        return true;
      }
      const parsed = JSON.parse(body || '{}') as Record<string, unknown>;
      if (req.method === 'POST' && url.pathname === base) {
        const run: FakeCheckRun = { id: 4_000_000 + this.checkRuns.length + 1, owner, repo, requests: [{ method: 'POST', body: parsed }] };
        this.checkRuns.push(run);
        sendJson(res, 201, toGitHubCheckRun(this.url, run));
        return true;
      }
      const id = Number(url.pathname.slice(base.length + 1));
      const run = this.checkRuns.find((r) => r.id === id && r.owner === owner && r.repo === repo);
      if (req.method !== 'PATCH' || run === undefined) return false;
      run.requests.push({ method: 'PATCH', body: parsed });
      sendJson(res, 200, toGitHubCheckRun(this.url, run));
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
        const fault = this.faults.find((f) => f.left > 0 && url.pathname.startsWith(f.pathPrefix));
        if (fault) {
          fault.left--;
          sendJson(res, fault.status, { message: fault.message, documentation_url: 'https://docs.github.com/rest' }, fault.headers ?? {});
          return;
        }
        for (const route of this.routes) if (route(req, res, url, body)) return;
        sendJson(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    // A route that never answers (a hanging API) leaves its connection open; close would wait for it.
    this.server?.closeAllConnections();
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

/** Answers a contents API request for a directory at `ref` that holds some of `files`, in GitHub's shape. */
function directoryListing(req: IncomingMessage, res: ServerResponse, url: URL, owner: string, repo: string, ref: string, files: ReadonlySet<string>): boolean {
  const prefix = `/repos/${owner}/${repo}/contents/`;
  const pathname = decodeURIComponent(url.pathname);
  if (req.method !== 'GET' || url.searchParams.get('ref') !== ref || !pathname.startsWith(prefix)) return false;
  const dir = pathname.slice(prefix.length).replace(/\/+$/, '');
  const under = [...files].filter((f) => dir === '' || f.startsWith(dir + '/')).map((f) => (dir === '' ? f : f.slice(dir.length + 1)));
  if (under.length === 0) return false;
  const entries = new Map<string, 'file' | 'dir'>();
  for (const rest of under) {
    const [name = '', ...deeper] = rest.split('/');
    entries.set(name, deeper.length > 0 ? 'dir' : 'file');
  }
  const api = `https://api.github.com/repos/${owner}/${repo}`;
  sendJson(
    res,
    200,
    [...entries].sort(([a], [b]) => a.localeCompare(b)).map(([name, type], i) => {
      const path = dir === '' ? name : `${dir}/${name}`;
      const sha = (i + 1).toString(16).padStart(40, 'd');
      const gitUrl = `${api}/git/${type === 'dir' ? 'trees' : 'blobs'}/${sha}`;
      const htmlUrl = `https://github.com/${owner}/${repo}/${type === 'dir' ? 'tree' : 'blob'}/${ref}/${path}`;
      return {
        name,
        path,
        sha,
        size: type === 'dir' ? 0 : 120,
        url: `${api}/contents/${path}?ref=${ref}`,
        html_url: htmlUrl,
        git_url: gitUrl,
        download_url: type === 'dir' ? null : `https://raw.githubusercontent.com/${owner}/${repo}/${ref}/${path}`,
        type,
        _links: { self: `${api}/contents/${path}?ref=${ref}`, git: gitUrl, html: htmlUrl },
      };
    }),
  );
  return true;
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

/** A check run the fake Checks API holds: the create body, then each update body, in order. */
export interface FakeCheckRun {
  id: number;
  owner: string;
  repo: string;
  requests: { method: 'POST' | 'PATCH'; body: Record<string, unknown> }[];
}

/** The check run as GitHub returns it from create and update: the latest state after all requests. */
function toGitHubCheckRun(apiUrl: string, run: FakeCheckRun) {
  const state = Object.assign({}, ...run.requests.map((r) => r.body)) as Record<string, unknown>;
  const annotations = run.requests.reduce((n, r) => n + ((r.body.output as { annotations?: unknown[] } | undefined)?.annotations?.length ?? 0), 0);
  const output = (state.output ?? {}) as Record<string, unknown>;
  return {
    id: run.id,
    node_id: `CR_${run.id}`,
    head_sha: state.head_sha,
    external_id: state.external_id ?? '',
    url: `${apiUrl}/repos/${run.owner}/${run.repo}/check-runs/${run.id}`,
    html_url: `https://github.com/${run.owner}/${run.repo}/runs/${run.id}`,
    details_url: `https://github.com/${run.owner}/${run.repo}/runs/${run.id}`,
    status: state.status ?? 'queued',
    conclusion: state.conclusion ?? null,
    started_at: '2026-01-01T00:00:00Z',
    completed_at: state.status === 'completed' ? '2026-01-01T00:00:05Z' : null,
    output: { title: output.title ?? null, summary: output.summary ?? null, text: output.text ?? null, annotations_count: annotations, annotations_url: `${apiUrl}/repos/${run.owner}/${run.repo}/check-runs/${run.id}/annotations` },
    name: state.name,
    check_suite: { id: 5_000_000 + run.id },
    app: { id: 15368, slug: 'github-actions', name: 'GitHub Actions' },
    pull_requests: [],
  };
}
