import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadComposeProject } from '../../src/parse/compose/load-project.js';
import type { ComposeDocument } from '../../src/parse/input-document.js';
import type { ParsedFile } from '../../src/parse/parsed-file.js';
import { REPO_ROOT } from '../support/run-action.js';

/** Fixture compose projects, each in its own directory, paths relative to this root. */
export const PROJECTS = join(REPO_ROOT, '__tests__', 'fixtures', 'authz', 'projects');
export const DAEMON_POLICIES = '__tests__/fixtures/authz/daemon-policies';

/** Where the project directory is taken to live on the daemon's host in these tests. */
export const WORKSPACE = '/srv/repo';

/** Loads a fixture project through the compose loader the pipeline uses. */
export async function loadProject(file: string): Promise<ParsedFile & { document: ComposeDocument }> {
  const parsed = await loadComposeProject([file], { readFile: async (path) => new Uint8Array(await readFile(join(PROJECTS, path))) });
  if (parsed.document.kind !== 'compose') throw new Error('not a compose document');
  return parsed as ParsedFile & { document: ComposeDocument };
}
