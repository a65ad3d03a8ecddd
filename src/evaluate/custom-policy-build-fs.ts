import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import capabilities from '../../policies/capabilities.json' with { type: 'json' };
import type { CustomCatalogue } from './custom-policy.js';
import { readCustomMetadata } from './custom-policy-metadata.js';
import { readTarGz } from './custom-policy-tar.js';

/** A policy source file: where it came from (for messages) and its text. */
export interface PolicySource {
  readonly path: string;
  readonly content: Uint8Array;
}

/** What compiling gives: the Wasm module, the data compiled with it, and the rules' metadata. */
export interface CompiledPolicy {
  readonly wasm: Uint8Array;
  readonly data: Record<string, unknown>;
  readonly catalogue: CustomCatalogue;
}

/** `opa build` of a few hundred rules takes seconds; a minute means something is wrong. */
const OPA_TIMEOUT_MS = 120_000;
const OPA_MAX_OUTPUT = 64 * 1024 * 1024;

/** How to find and run `opa`: the PATH to search (the action's and the CLI's own environment). */
export interface OpaRunner {
  readonly path: string | undefined;
}

/**
 * Compiles conftest-style Rego to Wasm with the `opa` on PATH, against the same capabilities file
 * as the built-in policies, so a builtin the Wasm runtime cannot run (http.send, time.*, ...) fails
 * here with OPA's message rather than at evaluation. The sources are written to a scratch directory
 * first: on a pull request they come from the base commit, not the checkout.
 */
export async function compileCustomPolicy(
  sources: readonly PolicySource[],
  namespaces: readonly string[],
  runner: OpaRunner,
  // Daemon policies compile against these plus the builtins the host provides (src/authz/host-builtins.ts).
  caps: unknown = capabilities,
): Promise<CompiledPolicy> {
  const scratch = await mkdtemp(join(tmpdir(), 'container-policy-custom-'));
  try {
    const srcDir = join(scratch, 'src');
    const byScratchPath = new Map<string, string>();
    for (const [i, source] of sources.entries()) {
      // Numbered subdirectories keep files from different policy directories apart.
      const rel = join(String(i), source.path.split('/').pop() as string);
      byScratchPath.set(join('src', rel), source.path);
      await mkdir(dirname(join(srcDir, rel)), { recursive: true });
      await writeFile(join(srcDir, rel), source.content);
    }
    const capsPath = join(scratch, 'capabilities.json');
    await writeFile(capsPath, JSON.stringify(caps));
    const display = (text: string): string => {
      let out = text.split(scratch + '/').join('');
      for (const [scratchPath, original] of byScratchPath) out = out.split(scratchPath).join(original);
      return out;
    };
    const inspect = await runOpa(['inspect', '-a', '-f', 'json', 'src'], scratch, runner, display);
    const catalogue = readCustomMetadata(JSON.parse(inspect), (file) => display(file));
    const bundlePath = join(scratch, 'bundle.tar.gz');
    await runOpa(
      ['build', '-t', 'wasm', '--capabilities', capsPath, ...namespaces.flatMap((ns) => ['-e', ns.replace(/\./g, '/')]), '-o', bundlePath, 'src'],
      scratch,
      runner,
      display,
      namespaces,
    );
    const bundle = readTarGz(await readFile(bundlePath));
    return { ...fromBundle(bundle, 'the compiled custom policy'), catalogue };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** policy.wasm and data.json out of an `opa build -t wasm` archive. */
export function fromBundle(files: ReadonlyMap<string, Uint8Array>, source: string): Omit<CompiledPolicy, 'catalogue'> {
  const wasm = files.get('policy.wasm');
  if (!wasm) throw new UserError(`${source} holds no policy.wasm (it has: ${[...files.keys()].join(', ') || 'nothing'}); build it with \`opa build -t wasm\`.`);
  const dataText = files.get('data.json');
  let data: Record<string, unknown> = {};
  if (dataText) {
    try {
      data = JSON.parse(Buffer.from(dataText).toString('utf8')) as Record<string, unknown>;
    } catch (thrown) {
      throw new UserError(`${source}: data.json is not valid JSON: ${(thrown as Error).message}`);
    }
  }
  return { wasm, data };
}

function runOpa(args: string[], cwd: string, runner: OpaRunner, display: (text: string) => string, namespaces: readonly string[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'opa',
      args,
      { cwd, env: { PATH: runner.path ?? '' }, timeout: OPA_TIMEOUT_MS, maxBuffer: OPA_MAX_OUTPUT, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          return reject(
            new UserError(
              'Custom Rego policies are compiled with `opa`, which is not on PATH. Install it first (e.g. the open-policy-agent/setup-opa action), or pass a prebuilt bundle (`opa build -t wasm` output) instead.',
            ),
          );
        }
        if (error.killed) return reject(new UserError(`opa ${args[0]} did not finish within ${OPA_TIMEOUT_MS / 1000} s.`));
        const output = display(`${stdout}\n${stderr}`.trim());
        const hint = /undefined function|unsupported|capabilit/i.test(output)
          ? '\nThe policy uses a builtin the WebAssembly runtime cannot run (such as http.send, time.* or crypto.*); rewrite it without, or pass the value in as policy data.'
          : /entrypoint .* does not refer/.test(output)
            ? `\nNo policy defines the namespace(s) ${namespaces.join(', ')}; name the packages to evaluate with the namespace input (--namespace).`
            : '';
        reject(new UserError(`Compiling the custom policy failed (opa ${args[0]}):\n${output}${hint}`));
      },
    );
  });
}
