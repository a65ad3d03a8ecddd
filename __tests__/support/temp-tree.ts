import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';

/** Writes `files` (path → content) into a fresh temporary directory and returns its path. */
export function writeTree(files: Record<string, string | Uint8Array>, prefix = 'cpa-tree-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** A writable stream that keeps what is written, for running the CLI in-process. */
export function sink(): Writable & { text: string } {
  const s = new Writable({
    write(chunk, _encoding, done) {
      s.text += chunk.toString();
      done();
    },
  }) as Writable & { text: string };
  s.text = '';
  return s;
}
