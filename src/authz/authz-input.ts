import type { CreateRequest } from './create-request.js';

/** Who the daemon is told is asking, and how they authenticated. */
export interface RequestIdentity {
  /** Fills `User` and the `Authz-User` header. */
  readonly user: string;
  /** opa-docker-authz's `AuthMethod`: `TLS` when the daemon authenticated the client by certificate. */
  readonly authMethod?: string;
}

/** The `input` opa-docker-authz builds for `data.docker.authz.allow`, from one request. */
export interface AuthzInput {
  readonly Method: string;
  readonly Path: string;
  readonly PathPlain: string;
  readonly PathArr: readonly string[];
  readonly Query: Readonly<Record<string, readonly string[]>>;
  readonly Headers: Readonly<Record<string, string>>;
  readonly Body: unknown;
  readonly User: string;
  readonly AuthMethod: string;
  readonly BindMounts: readonly { Source: string; ReadOnly: boolean; Resolved: string }[];
}

/** The docker CLI's User-Agent; policies rarely read it, but opa-docker-authz passes it through. */
const USER_AGENT = 'Docker-Client/27.3.1 (linux)';

/**
 * Wraps a request exactly as opa-docker-authz does: the full URI in `Path`, the path alone in
 * `PathPlain` and split on `/` in `PathArr`, the query as lists, the headers with `Authz-User`, the
 * parsed body (the body is parsed only for `application/json`), and `BindMounts` gathered from
 * `Binds` with absolute sources and from bind `Mounts`.
 */
export function toAuthzInput(request: Pick<CreateRequest, 'method' | 'path' | 'headers'>, body: Record<string, unknown>, identity: RequestIdentity): AuthzInput {
  const [plain = '', query = ''] = request.path.split('?', 2);
  const headers: Record<string, string> = { ...request.headers, 'User-Agent': USER_AGENT };
  if (identity.user !== '') headers['Authz-User'] = identity.user;
  return {
    Method: request.method,
    Path: request.path,
    PathPlain: plain,
    PathArr: plain.split('/'),
    Query: parseQuery(query),
    Headers: headers,
    Body: request.headers['Content-Type'] === 'application/json' ? body : null,
    User: identity.user,
    AuthMethod: identity.authMethod ?? (identity.user === '' ? '' : 'TLS'),
    BindMounts: bindMounts(body),
  };
}

function parseQuery(query: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(query)) (out[key] ??= []).push(value);
  return out;
}

/**
 * What the plugin lists as bind mounts: a `Binds` entry whose source is an absolute path (a named
 * volume is not a host path), and every `Mounts` entry of type bind. `Resolved` is the path with
 * symbolic links followed on the daemon's host, which is not knowable here: the path as written.
 */
export function bindMounts(body: Record<string, unknown>): { Source: string; ReadOnly: boolean; Resolved: string }[] {
  const host = (body.HostConfig ?? {}) as { Binds?: unknown; Mounts?: unknown };
  const out: { Source: string; ReadOnly: boolean; Resolved: string }[] = [];
  for (const bind of Array.isArray(host.Binds) ? host.Binds : []) {
    const [source = '', , mode = ''] = String(bind).split(':');
    if (!source.startsWith('/')) continue;
    out.push({ Source: source, ReadOnly: mode.split(',').includes('ro'), Resolved: source });
  }
  for (const mount of Array.isArray(host.Mounts) ? host.Mounts : []) {
    const m = mount as { Type?: unknown; Source?: unknown; ReadOnly?: unknown };
    if (m.Type !== 'bind') continue;
    out.push({ Source: String(m.Source ?? ''), ReadOnly: m.ReadOnly === true, Resolved: String(m.Source ?? '') });
  }
  return out;
}

/** The input docker-socket-firewall gives `data.docker.build.allow` for a build of this Dockerfile. */
export interface BuildInput {
  readonly Method: 'POST';
  readonly Path: string;
  readonly Headers: Readonly<Record<string, string>>;
  /** The raw file split on newlines: continuations and comments kept, a trailing empty string. */
  readonly Dockerfile: readonly string[];
}

/** The build request for one Dockerfile, `Dockerfile` as the raw line array. */
export function toBuildInput(lines: readonly string[], dockerfilePath: string, apiVersion: string, identity: RequestIdentity): BuildInput {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-tar', 'User-Agent': USER_AGENT };
  if (identity.user !== '') headers['Authz-User'] = identity.user;
  return {
    Method: 'POST',
    Path: `/v${apiVersion}/build?dockerfile=${encodeURIComponent(dockerfilePath.split('/').pop() ?? 'Dockerfile')}`,
    Headers: headers,
    Dockerfile: [...lines, ''],
  };
}
