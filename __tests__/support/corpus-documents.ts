import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readTargetFile } from '../../src/discover/read-target-fs.js';
import { loadComposeFile } from '../../src/parse/compose/load-project.js';
import { decodeText } from '../../src/parse/decode-text.js';
import { parseDockerfile } from '../../src/parse/dockerfile.js';
import type { InputDocument } from '../../src/parse/input-document.js';

/** The real-world corpus beside the project (tests that need it skip when it is missing). */
export const REAL_CORPUS = '../shared/corpus/real';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * The input document of every corpus file that parses: each Dockerfile, and each compose file read in
 * its own repository (its `.env` and the files it extends). A rule may read a field only in files a
 * sample would miss (a RUN's `--mount` flags), so the comparisons that use this take them all.
 */
export async function corpusDocuments(): Promise<InputDocument[]> {
  const documents: InputDocument[] = [];
  for (const path of filesUnder(join(REAL_CORPUS, 'dockerfiles'))) {
    try {
      documents.push(parseDockerfile(path, decodeText(path, readFileSync(path))));
    } catch {
      // A file Docker would not build is refused before evaluation; nothing to compare.
    }
  }
  const composeRoot = join(REAL_CORPUS, 'compose');
  for (const repository of readdirSync(composeRoot).sort()) {
    const workspace = join(composeRoot, repository);
    const context = { readFile: (p: string) => readTargetFile(workspace, p, 2 * 1024 * 1024) };
    for (const path of filesUnder(workspace).filter((p) => /\.ya?ml$/.test(p))) {
      const relative = path.slice(workspace.length + 1);
      try {
        documents.push((await loadComposeFile(relative, await context.readFile(relative), context)).document);
      } catch {
        // Refused with a parse error (an env_file outside the repository, and the like).
      }
    }
  }
  return documents;
}
