import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import type { Catalogue } from './catalogue.js';

/** The compiled policy and what was built with it. */
export interface PolicyBundle {
  readonly source: string;
  readonly wasm: Uint8Array;
  readonly data: Record<string, unknown>;
  readonly catalogue: Catalogue;
}

const BUNDLE_FILES = ['policy.wasm', 'data.json', 'catalogue.json'] as const;

/**
 * The directory of the embedded policy. The bundled action runs from dist/index.js and the CLI from
 * dist/cli/index.js, tests from src/evaluate/: each finds dist/policy by looking upwards.
 */
export function defaultBundleDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 4; depth++) {
    for (const candidate of [join(dir, 'policy'), join(dir, 'dist', 'policy')]) {
      if (existsSync(join(candidate, 'policy.wasm'))) return candidate;
    }
    dir = dirname(dir);
  }
  throw new UserError('The embedded policy bundle (dist/policy/policy.wasm) is missing: run `npm run build`.');
}

/** Reads policy.wasm, data.json and catalogue.json from a bundle directory, naming what is missing or broken. */
export async function readPolicyBundle(dir: string): Promise<PolicyBundle> {
  const [wasm, dataText, catalogueText] = await Promise.all(
    BUNDLE_FILES.map(async (name) => {
      try {
        return await readFile(join(dir, name));
      } catch (thrown) {
        throw new UserError(`Cannot read the policy bundle file ${join(dir, name)}: ${(thrown as Error).message}`);
      }
    }),
  );
  return {
    source: dir,
    wasm: new Uint8Array(wasm as Buffer),
    data: parseJson(join(dir, 'data.json'), dataText as Buffer) as Record<string, unknown>,
    catalogue: parseJson(join(dir, 'catalogue.json'), catalogueText as Buffer) as Catalogue,
  };
}

function parseJson(path: string, bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (thrown) {
    throw new UserError(`The policy bundle file ${path} is not valid JSON: ${(thrown as Error).message}`);
  }
}
