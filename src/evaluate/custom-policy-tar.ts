import { gunzipSync } from 'node:zlib';

const BLOCK = 512;
/** An OPA bundle is a few files; a larger archive is not one (and must not exhaust memory). */
const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
const REGULAR = new Set(['0', '\0']);
// PAX headers and directories carry nothing an OPA bundle needs.
const SKIPPED = new Set(['x', 'g', '5']);

function field(header: Uint8Array, start: number, length: number): string {
  const bytes = header.subarray(start, start + length);
  const end = bytes.indexOf(0);
  return Buffer.from(bytes.subarray(0, end === -1 ? length : end)).toString('utf8');
}

/**
 * The regular files of a gzipped tar (an `opa build` bundle), by name without a leading `/`.
 * Throws on anything it does not understand rather than skipping it.
 */
export function readTarGz(gzipped: Uint8Array): Map<string, Uint8Array> {
  const tar = gunzipSync(gzipped, { maxOutputLength: MAX_UNPACKED_BYTES });
  const files = new Map<string, Uint8Array>();
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const prefix = field(header, 345, 155);
    const name = (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100)).replace(/^\.?\//, '');
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    if (Number.isNaN(size) || offset + BLOCK + size > tar.length) throw new Error(`malformed tar entry "${name}" at offset ${offset}`);
    if (REGULAR.has(type)) files.set(name, new Uint8Array(tar.subarray(offset + BLOCK, offset + BLOCK + size)));
    else if (!SKIPPED.has(type)) throw new Error(`unsupported tar entry type "${type}" for "${name}"`);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return files;
}
