import { posix } from 'node:path';
import type { ComposeDocument, ComposeServicePath } from '../parse/input-document.js';
import { SynthesisError } from './synthesis-error.js';

/** `security_opt` values that name a profile the daemon knows rather than a file. */
const NOT_A_FILE = new Set(['unconfined', 'builtin']);

/** A seccomp profile file a service names in `security_opt`, as compose reads it before the create call. */
export interface SeccompProfileRef {
  /** The workspace-relative path (resolved against the compose file's folder), or the absolute path as written. */
  readonly file: string;
  /** The `security_opt` item, for errors. */
  readonly at: ComposeServicePath;
}

/** Workspace-relative profile files, already read and compacted, by path. */
export type SeccompProfiles = ReadonlyMap<string, string>;

/** The file a `seccomp=<path>` / `seccomp:<path>` option names, or undefined for other options and built-in profiles. */
function profileFile(option: string, composeDir: string): string | undefined {
  const match = /^seccomp[=:](.+)$/.exec(option.trim());
  if (!match || NOT_A_FILE.has(match[1] as string)) return undefined;
  const value = match[1] as string;
  // compose reads the file relative to where it runs, the project directory; an absolute path stays absolute.
  return value.startsWith('/') ? value : posix.normalize(posix.join(composeDir, value));
}

/** Every seccomp profile file the project's services name, in order. */
export function seccompProfileRefs(document: ComposeDocument): SeccompProfileRef[] {
  const composeDir = posix.dirname(document.path);
  const refs: SeccompProfileRef[] = [];
  for (const service of Object.values(document.services ?? {})) {
    const raw = ((document.data.services ?? {}) as Record<string, Record<string, unknown> | null>)[service.name] ?? {};
    const options = Array.isArray(raw.security_opt) ? raw.security_opt : [];
    options.forEach((option, i) => {
      const file = profileFile(String(option), composeDir);
      if (file !== undefined) refs.push({ file, at: [...service.path, 'security_opt', i] });
    });
  }
  return refs;
}

/**
 * The option as compose sends it: a seccomp profile file inlined as compact JSON (`seccomp=<json>`),
 * anything else as written. A profile that was not read (outside the workspace, missing, not JSON)
 * is an error at the option: the daemon policy must see what the daemon would be sent.
 */
export function inlineSecurityOpt(option: string, composeDir: string, profiles: SeccompProfiles, at: ComposeServicePath): string {
  const file = profileFile(option, composeDir);
  if (file === undefined) return option;
  const profile = profiles.get(file);
  if (profile === undefined) throw new SynthesisError(at, `the seccomp profile ${file} was not read, so the create request cannot be built.`);
  return `seccomp=${profile}`;
}

/**
 * Reads each profile through `readFile` (the pipeline's guarded workspace reader) and compacts it as
 * Go's json.Compact does: whitespace outside strings removed, keys and numbers kept as written.
 * Problems come back with the option they belong to.
 */
export async function readSeccompProfiles(
  refs: readonly SeccompProfileRef[],
  readFile: (path: string) => Promise<Uint8Array>,
): Promise<{ profiles: Map<string, string>; problems: SynthesisError[] }> {
  const profiles = new Map<string, string>();
  const problems: SynthesisError[] = [];
  for (const ref of refs) {
    if (profiles.has(ref.file)) continue;
    if (ref.file.startsWith('/') || ref.file.split('/').includes('..')) {
      problems.push(new SynthesisError(ref.at, `the seccomp profile ${ref.file} is outside the repository, so the check cannot see what the daemon would be sent; keep the profile in the repository and name it by a relative path.`));
      continue;
    }
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(ref.file));
      JSON.parse(text);
      profiles.set(ref.file, compactJson(text));
    } catch (thrown) {
      const reason = thrown instanceof SyntaxError ? `is not valid JSON (${thrown.message})` : thrown instanceof TypeError ? 'is not UTF-8 text' : `cannot be read: ${(thrown as Error).message}`;
      problems.push(new SynthesisError(ref.at, `the seccomp profile ${ref.file} ${reason}; docker compose would refuse to create the container.`));
    }
  }
  return { profiles, problems };
}

/** Valid JSON text without the whitespace between tokens. */
export function compactJson(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (!/\s/.test(c)) out += c;
  }
  return out;
}
