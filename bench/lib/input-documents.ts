import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputDocument } from '../../src/parse/input-document.js';
import { loadFile } from '../../src/parse/registry.js';
import { REPO_ROOT, type CorpusFile } from './corpus.js';

/** The corpus's input documents, as the pipeline hands them to the policy; files that do not parse are counted, not included. */
export async function inputDocuments(files: readonly CorpusFile[]): Promise<{ dockerfile: InputDocument[]; compose: InputDocument[]; unparsed: number }> {
  const out = { dockerfile: [] as InputDocument[], compose: [] as InputDocument[], unparsed: 0 };
  const readFileAt = (path: string) => readFile(join(REPO_ROOT, path));
  for (const file of files) {
    try {
      const parsed = await loadFile(file.kind, file.path, await readFileAt(file.path), { readFile: readFileAt });
      out[file.kind].push(parsed.document);
    } catch {
      out.unparsed++;
    }
  }
  return out;
}
