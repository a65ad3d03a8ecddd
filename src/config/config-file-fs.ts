import { readFile, readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';
import { EMPTY_CONFIG, parseConfigFile, type ConfigFile } from './config-file.js';

/**
 * Where the configuration and custom policies come from. On a pull request this must be the BASE
 * commit, so a pull request cannot weaken the check it is judged by; the workspace implementation
 * below serves the CLI and events without a base.
 */
export interface TrustedFiles {
  /** What the files are read from, in words (`the workspace`, `base commit abc123`). */
  readonly origin: string;
  /** The file's bytes, or undefined when it does not exist. */
  readFile(path: string): Promise<Uint8Array | undefined>;
  /** Paths (relative to the root, `/`-separated) of the files under a directory, or undefined when it is not a directory. */
  listFiles(dir: string): Promise<readonly string[] | undefined>;
}

/** A configuration file larger than this is refused: real ones are a few kilobytes. */
const MAX_CONFIG_BYTES = 1024 * 1024;
/** Bounds a policy directory walk (a wrong path such as `/` must not read the disk). */
const MAX_LISTED_FILES = 5000;

/**
 * Reads trusted files from a directory on disk, refusing paths that leave it unless `confine` is
 * false (the CLI, run by the person who owns every file it can name).
 */
export function workspaceFiles(root: string, { confine = true } = {}): TrustedFiles {
  const inside = (path: string): string => {
    const full = resolve(root, path);
    const rel = relative(root, full);
    if (confine && (rel.startsWith('..') || isAbsolute(rel))) throw new UserError(`The path ${path} is outside the workspace.`);
    return full;
  };
  return {
    origin: 'the workspace',
    async readFile(path) {
      try {
        return new Uint8Array(await readFile(inside(path)));
      } catch (thrown) {
        if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        if (thrown instanceof UserError) throw thrown;
        throw new UserError(`Cannot read ${path}: ${(thrown as Error).message}`);
      }
    },
    async listFiles(dir) {
      const top = inside(dir);
      const info = await stat(top).catch(() => undefined);
      if (!info?.isDirectory()) return undefined;
      const out: string[] = [];
      const walk = async (abs: string): Promise<void> => {
        for (const entry of (await readdir(abs, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
          const child = join(abs, entry.name);
          if (entry.isDirectory()) await walk(child);
          else if (entry.isFile()) out.push(relative(root, child).split(sep).join('/'));
          if (out.length > MAX_LISTED_FILES) throw new UserError(`${dir} holds more than ${MAX_LISTED_FILES} files; name the policy directory itself.`);
        }
      };
      await walk(top);
      return out;
    },
  };
}

/**
 * Loads the configuration file. A missing file at the default path means "no configuration"; a
 * missing file the user named is an error (a typo must not silently drop their rules).
 */
export async function loadConfigFile(files: TrustedFiles, path: string, named: boolean): Promise<ConfigFile> {
  const bytes = await files.readFile(path);
  if (bytes === undefined) {
    if (named) throw new UserError(`The configuration file ${path} does not exist in ${files.origin}. Fix the config input (or --config), or remove it to run without one.`);
    return EMPTY_CONFIG;
  }
  if (bytes.length > MAX_CONFIG_BYTES) throw new UserError(`The configuration file ${path} is larger than ${MAX_CONFIG_BYTES} bytes.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`The configuration file ${path} is not UTF-8 text.`);
  }
  return parseConfigFile(text, path);
}
