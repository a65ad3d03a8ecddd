import type { ComposeService } from '../parse/input-document.js';
import type { BodyBuilder } from './body-builder.js';

/** Longest port range expanded into entries; compose itself allows 65,535, a policy needs far fewer to judge. */
const MAX_RANGE = 1024;

/** `3000-3002` → [3000, 3001, 3002]; a single port → [it]; unresolved text → [text]. */
function expand(text: string): string[] {
  const range = /^(\d+)-(\d+)$/.exec(text);
  if (!range) return [text];
  const [start, end] = [Number(range[1]), Number(range[2])];
  if (end < start || end - start >= MAX_RANGE) return [text];
  return Array.from({ length: end - start + 1 }, (_, i) => String(start + i));
}

/**
 * `expose` and `ports` → `ExposedPorts` (`{"80/tcp": {}}`) and `HostConfig.PortBindings`
 * (`{"80/tcp": [{HostIp, HostPort}]}`), ranges expanded pairwise as compose does. A port published
 * twice gets two bindings under one key.
 */
export function addPorts(b: BodyBuilder, service: ComposeService): void {
  for (const e of service.expose) {
    const [port = '', proto = 'tcp'] = e.port.split('/');
    for (const p of expand(port)) b.entry(['ExposedPorts'], `${p}/${proto.toLowerCase()}`, {}, e.path);
  }
  for (const port of service.ports) {
    const targets = expand(port.target);
    const published = port.published === '' ? [] : expand(port.published);
    targets.forEach((target, i) => {
      const key = `${target}/${port.protocol}`;
      b.entry(['ExposedPorts'], key, {}, port.path);
      // A range on both sides pairs up; a single target published on a range lets the host pick from it.
      const hostPort = published.length === targets.length ? (published[i] as string) : port.published;
      const existing = (b.body.HostConfig as { PortBindings?: Record<string, unknown[]> } | undefined)?.PortBindings?.[key];
      if (existing) b.append(['HostConfig', 'PortBindings', key], { HostIp: port.host_ip, HostPort: hostPort }, port.path);
      else b.entry(['HostConfig', 'PortBindings'], key, [{ HostIp: port.host_ip, HostPort: hostPort }], port.path);
    });
  }
}
