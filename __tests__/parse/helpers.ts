import { parseFile } from '../../src/parse/registry.js';
import type { DockerfileDocument, ComposeDocument } from '../../src/parse/input-document.js';
import type { ParsedFile } from '../../src/parse/parsed-file.js';

export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

export function dockerfile(text: string): DockerfileDocument {
  const { document } = parseFile('dockerfile', 'Dockerfile', bytes(text));
  if (document.kind !== 'dockerfile') throw new Error('expected a Dockerfile document');
  return document;
}

export function compose(text: string): ParsedFile & { document: ComposeDocument } {
  const parsed = parseFile('compose', 'compose.yaml', bytes(text));
  if (parsed.document.kind !== 'compose') throw new Error('expected a compose document');
  return parsed as ParsedFile & { document: ComposeDocument };
}
