import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Directories that never hold files a user means to check and can be huge. Dot-directories are walked. */
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

/**
 * Every regular file below `root`, as sorted forward-slash paths relative to it. Symbolic links are
 * listed (so the read step can refuse one that leaves the workspace, with a finding) but never followed.
 * Synchronous, as reading target files is: a directory listing is one quick system call, and the
 * thread-pool round trip of the asynchronous one costs more than the call. `onFile` hears each path as
 * the walk comes upon it, before the list is sorted.
 */
export async function walkWorkspace(root: string, onFile: (path: string) => void = () => undefined): Promise<string[]> {
  const out: string[] = [];
  function visit(relative: string): void {
    const entries = readdirSync(join(root, relative), { withFileTypes: true });
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) visit(path);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        out.push(path);
        onFile(path);
      }
    }
  }
  visit('');
  return out.sort();
}
