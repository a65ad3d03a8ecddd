import type { ImageRef } from './input-document.js';

const DEFAULT_REGISTRY = 'docker.io';
// Docker treats these hosts as Docker Hub (distribution/reference normalisation).
const HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/**
 * Splits an image reference (`[host[:port]/]path[:tag][@digest]`) the way Docker resolves it: the first
 * path component is a registry only when it contains `.` or `:`, is `localhost`, or has upper-case
 * letters; otherwise the image is on Docker Hub, where a single-name image lives under `library/`.
 * Returns null for an empty reference. Validity is not checked beyond that: policies see what was written.
 */
export function parseImageRef(raw: string): ImageRef | null {
  const reference = raw.trim();
  if (reference === '') return null;

  const at = reference.indexOf('@');
  const digest = at >= 0 ? reference.slice(at + 1) : null;
  const nameAndTag = at >= 0 ? reference.slice(0, at) : reference;

  const lastColon = nameAndTag.lastIndexOf(':');
  const hasTag = lastColon > nameAndTag.lastIndexOf('/');
  const tag = hasTag ? nameAndTag.slice(lastColon + 1) : null;
  const name = hasTag ? nameAndTag.slice(0, lastColon) : nameAndTag;
  if (name === '') return null;

  const slash = name.indexOf('/');
  const first = slash >= 0 ? name.slice(0, slash) : '';
  const firstIsRegistry =
    slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase());

  let registry = firstIsRegistry ? first : DEFAULT_REGISTRY;
  let repository = firstIsRegistry ? name.slice(slash + 1) : name;
  if (HUB_ALIASES.has(registry)) {
    registry = DEFAULT_REGISTRY;
    if (!repository.includes('/')) repository = `library/${repository}`;
  }
  return { raw: reference, registry, repository, tag, digest };
}
