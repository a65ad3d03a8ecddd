// Runs the pinned OPA (scripts/opa) from the repository root, so every path it reports is
// repository-relative. The one place the policy scripts spawn a process.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root, with a trailing slash. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

/** The compiler's view of which builtins exist, kept beside the policies. */
export const CAPABILITIES = 'policies/capabilities.json';

/**
 * Loader flags for commands that read policies/ as a bundle: without them OPA would load the
 * capabilities file as data and compile it into data.json.
 */
export const IGNORE_NON_POLICY = ['--ignore', 'capabilities.json'];

/** A failure the person running the script can act on: printed without a stack trace. */
export class PolicyScriptError extends Error {}

// Enough for `opa inspect` and coverage reports of a large rule set.
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/**
 * Runs `opa <args>` and returns its stdout. A non-zero exit throws with OPA's own output,
 * unless `allowFailure` is set, in which case the caller inspects `status`.
 */
export function opa(args, { allowFailure = false } = {}) {
  const result = spawnSync(`${root}scripts/opa`, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: MAX_OUTPUT_BYTES,
  });
  if (result.error) throw result.error;
  if (result.status !== 0 && !allowFailure) {
    const output = [result.stdout, result.stderr].filter(Boolean).join('\n').trim();
    throw new PolicyScriptError(`opa ${args[0]} failed (exit ${result.status}):\n${output}`);
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a script's main function, printing user-fixable errors without a stack trace. */
export function runScript(main) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof PolicyScriptError ? `error: ${error.message}` : error);
    process.exit(1);
  }
}
