/** A port as `docker compose` sends it: the host side (empty host_ip = all interfaces) and the container side. */
export interface NormalisedPort {
  readonly host_ip: string;
  /** The published (host) port or range as written, `""` when the host picks one. */
  readonly published: string;
  /** First host port of the range, or null when none is published. */
  readonly published_start: number | null;
  readonly target: string;
  readonly protocol: string;
}

/** Parses a `ports` item (short `[[ip:]published:]target[/proto]` or long syntax); undefined when invalid. */
export function parsePort(item: unknown): NormalisedPort | undefined {
  if (typeof item === 'number') return port('', '', String(item), 'tcp');
  if (typeof item === 'string') {
    let text = item.trim();
    let protocol = 'tcp';
    const slash = text.lastIndexOf('/');
    if (slash >= 0) {
      protocol = text.slice(slash + 1).toLowerCase();
      text = text.slice(0, slash);
    }
    let hostIp = '';
    const bracket = /^\[([^\]]*)\]:(.*)$/.exec(text);
    if (bracket) {
      hostIp = bracket[1] as string;
      text = bracket[2] as string;
    }
    const parts = text.split(':');
    const target = parts.pop() as string;
    const published = parts.pop() ?? '';
    if (!bracket && parts.length > 0) hostIp = parts.join(':');
    // A part holding an unresolved variable is unknown, not wrong.
    const portLike = (part: string) => /^\d+(-\d+)?$/.test(part) || part.includes('$');
    if (!portLike(target) || (published !== '' && !portLike(published))) return undefined;
    if (!/^(tcp|udp|sctp)$/.test(protocol) && !protocol.includes('$')) return undefined;
    return port(hostIp, published, target, protocol);
  }
  if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
    const p = item as Record<string, unknown>;
    if (p.target === undefined || p.target === null) return undefined;
    const [hostIp, published] = splitPublished(str(p.host_ip), str(p.published));
    return port(hostIp, published, str(p.target), str(p.protocol) || 'tcp');
  }
  return undefined;
}

/**
 * A long-syntax `published` written as `ip:port` (or a bare IP), as older compose files do: the address
 * is the host IP it binds to. Reading it as part of the port would call a loopback binding public.
 */
function splitPublished(hostIp: string, published: string): [string, string] {
  const match = /^(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:.]*\])(?::(.*))?$/.exec(published.trim());
  if (!match || hostIp !== '') return [hostIp, published];
  return [(match[1] as string).replace(/^\[(.*)\]$/, '$1'), match[2] ?? ''];
}

function port(hostIp: string, published: string, target: string, protocol: string): NormalisedPort {
  const start = /^\d+/.exec(published)?.[0];
  return { host_ip: hostIp, published, published_start: start === undefined ? null : Number(start), target, protocol };
}

/** A mount as compose resolves it: bind, volume, tmpfs, npipe, image or cluster. */
export interface NormalisedVolume {
  readonly type: string;
  /** Host path for a bind, volume name for a named volume, `""` for an anonymous volume or tmpfs. */
  readonly source: string;
  readonly target: string;
  readonly read_only: boolean;
  /** Bind propagation (`shared`, `rshared`, `slave`, ...), or `""` for the default. */
  readonly propagation: string;
}

const PROPAGATIONS = ['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate'];

/** Parses a `volumes` item (short `[SOURCE:]TARGET[:MODE]` or long syntax); undefined when invalid. */
export function parseVolume(item: unknown): NormalisedVolume | undefined {
  if (typeof item === 'string') {
    // Windows paths (`C:\\data`) carry a colon after their drive letter, on either side.
    const match = /^((?:[A-Za-z]:[\\/])?[^:]*)(?::((?:[A-Za-z]:[\\/])?[^:]*))?(?::([^:]*))?$/.exec(item);
    if (!match) return undefined;
    const [, first = '', second, mode = ''] = match;
    if (second === undefined) return { type: 'volume', source: '', target: first, read_only: false, propagation: '' };
    const source = first;
    const target = second;
    const drive = /^[A-Za-z]:/.test(source) ? 1 : 0;
    if (target === '') return undefined;
    const modes = mode.split(',').map((m) => m.trim());
    const bind = /^[./~\\]/.test(source) || source.includes('/') || drive > 0 || source.startsWith('$');
    return {
      type: bind ? 'bind' : 'volume',
      source,
      target,
      read_only: modes.includes('ro'),
      propagation: modes.find((m) => PROPAGATIONS.includes(m)) ?? '',
    };
  }
  if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
    const v = item as Record<string, unknown>;
    const bindOptions = (v.bind ?? {}) as Record<string, unknown>;
    return {
      type: str(v.type) || 'volume',
      source: str(v.source),
      target: str(v.target),
      read_only: v.read_only === true || v.read_only === 'true',
      propagation: str(bindOptions.propagation),
    };
  }
  return undefined;
}

function str(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}
