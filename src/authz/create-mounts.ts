import { posix } from 'node:path';
import type { ComposeService } from '../parse/input-document.js';
import { isWindowsAbsolute } from '../parse/compose/path-forms.js';
import type { BodyBuilder } from './body-builder.js';
import type { ProjectContext } from './create-request.js';

type Raw = Record<string, unknown>;
const rec = (v: unknown): Raw => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : {});

/** A host path as the daemon receives it: relative paths made absolute against the project directory. */
export function hostPath(source: string, ctx: ProjectContext): string {
  if (source.startsWith('/') || isWindowsAbsolute(source) || source.startsWith('~') || source.startsWith('$')) return source;
  return posix.normalize(posix.join(ctx.directory, source));
}

/** The name a named volume has on the daemon: its `name:`, the external name, or `<project>_<volume>`. */
function volumeName(name: string, ctx: ProjectContext): string {
  const top = rec(rec(ctx.data.volumes)[name]);
  if (typeof top.name === 'string') return top.name;
  if (top.external === true) return name;
  return `${ctx.project}_${name}`;
}

/**
 * `volumes` → `HostConfig.Binds` strings for plain binds and option-less named volumes, and
 * `HostConfig.Mounts` for everything compose must describe in full (bind options, volume options,
 * anonymous volumes, tmpfs, image and npipe mounts). File-based `secrets` and `configs` are read-only
 * bind Mounts at `/run/secrets/<name>` and `/<name>`.
 */
export function addMounts(b: BodyBuilder, service: ComposeService, raw: Raw, ctx: ProjectContext): void {
  const rawVolumes = Array.isArray(raw.volumes) ? raw.volumes : [];
  service.volumes.forEach((v, i) => {
    const long = rec(rawVolumes[i]);
    const bind = rec(long.bind);
    const volume = rec(long.volume);
    if (v.type === 'bind') {
      const source = hostPath(v.source, ctx);
      const needsMount = bind.create_host_path === false || v.propagation !== '' || bind.recursive !== undefined || bind.selinux !== undefined;
      if (!needsMount) {
        b.append(['HostConfig', 'Binds'], `${source}:${v.target}${v.read_only ? ':ro' : ''}`, v.path);
        return;
      }
      const options = v.propagation ? { Propagation: v.propagation } : {};
      b.append(['HostConfig', 'Mounts'], { Type: 'bind', Source: source, Target: v.target, ReadOnly: v.read_only, BindOptions: options }, v.path);
      return;
    }
    if (v.type === 'volume' && v.source !== '') {
      const name = volumeName(v.source, ctx);
      const hasOptions = volume.nocopy !== undefined || volume.subpath !== undefined || volume.labels !== undefined;
      if (!hasOptions) {
        b.append(['HostConfig', 'Binds'], `${name}:${v.target}${v.read_only ? ':ro' : ''}`, v.path);
        return;
      }
      const options = { ...(volume.nocopy === true ? { NoCopy: true } : {}), ...(typeof volume.subpath === 'string' ? { Subpath: volume.subpath } : {}), ...(volume.labels ? { Labels: volume.labels } : {}) };
      b.append(['HostConfig', 'Mounts'], { Type: 'volume', Source: name, Target: v.target, ReadOnly: v.read_only, VolumeOptions: options }, v.path);
      return;
    }
    const tmpfs = rec(long.tmpfs);
    const extra = v.type === 'tmpfs' && tmpfs.size !== undefined ? { TmpfsOptions: { SizeBytes: Number(tmpfs.size) || tmpfs.size } } : {};
    b.append(['HostConfig', 'Mounts'], { Type: v.type, Source: v.source, Target: v.target, ReadOnly: v.read_only, ...extra }, v.path);
  });
  addFileMounts(b, 'secrets', raw, ctx, (name) => `/run/secrets/${name}`);
  addFileMounts(b, 'configs', raw, ctx, (name) => `/${name}`);
}

function addFileMounts(b: BodyBuilder, key: 'secrets' | 'configs', raw: Raw, ctx: ProjectContext, defaultTarget: (name: string) => string): void {
  const refs = Array.isArray(raw[key]) ? (raw[key] as unknown[]) : [];
  refs.forEach((ref, i) => {
    const name = typeof ref === 'string' ? ref : String(rec(ref).source ?? '');
    const top = rec(rec(ctx.data[key])[name]);
    // Only file-based ones are bind mounts; environment and external ones reach the container otherwise.
    if (typeof top.file !== 'string') return;
    const target = typeof ref === 'object' && typeof rec(ref).target === 'string' ? (rec(ref).target as string) : defaultTarget(name);
    const absolute = target.startsWith('/') ? target : `/run/secrets/${target}`;
    b.append(['HostConfig', 'Mounts'], { Type: 'bind', Source: hostPath(top.file, ctx), Target: absolute, ReadOnly: true }, [...ctx.servicePath, key, i]);
  });
}
