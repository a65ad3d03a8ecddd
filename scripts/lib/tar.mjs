// Reads the regular files out of a gzipped tar archive (an OPA bundle). Enough of the ustar format
// for what `opa build` writes; anything it does not understand is an error, not a skipped entry.
import { gunzipSync } from 'node:zlib';

const BLOCK = 512;
const REGULAR = new Set(['0', '\0']);
// PAX headers (x, g) only add metadata such as long names; OPA bundles do not need them.
const METADATA = new Set(['x', 'g', '5']);

function field(header, start, length) {
  const bytes = header.subarray(start, start + length);
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? length : end).toString('utf8');
}

/** Returns a map from entry name (as stored, e.g. `/policy.wasm`) to contents. */
export function readTarGz(gzipped) {
  const tar = gunzipSync(gzipped);
  const files = new Map();
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break; // end-of-archive marker
    const name = field(header, 345, 155) ? `${field(header, 345, 155)}/${field(header, 0, 100)}` : field(header, 0, 100);
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    if (Number.isNaN(size) || offset + BLOCK + size > tar.length) {
      throw new Error(`malformed tar entry "${name}" at offset ${offset}`);
    }
    if (REGULAR.has(type)) {
      files.set(name, Buffer.from(tar.subarray(offset + BLOCK, offset + BLOCK + size)));
    } else if (!METADATA.has(type)) {
      throw new Error(`unsupported tar entry type "${type}" for "${name}"`);
    }
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return files;
}
