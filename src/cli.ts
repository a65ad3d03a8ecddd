import { writeFile } from 'node:fs/promises';
import { expandCliPaths, type CliTarget } from './discover/expand-cli-paths-fs.js';
import { USAGE, UsageError, parseCliArgs, type CliSettings } from './config/cli-args.js';
import { readTargetFile } from './discover/read-target-fs.js';
import { UserError, describeError } from './errors.js';
import { defaultBundleDir, readPolicyBundle } from './evaluate/policy-bundle-fs.js';
import { loadPolicyEngine } from './evaluate/policy-engine.js';
import { runPipeline } from './pipeline.js';
import { toJsonReport } from './report/json-report.js';
import { renderReport } from './report/registry.js';
import { decideVerdict } from './verdict/decide-verdict.js';
import { TOOL } from './version.js';

/** Where the CLI writes: process.stdout and process.stderr, or a test's sink. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Exit statuses, as documented in the usage text. */
export const EXIT = { pass: 0, fail: 1, error: 2 } as const;

/**
 * The CLI: the same pipeline as the action over files and directories on disk. Returns the exit
 * status rather than exiting, so tests can call it.
 */
export async function runCli(argv: readonly string[], cwd = process.cwd(), out: OutputStream = process.stdout, err: OutputStream = process.stderr): Promise<number> {
  let settings: CliSettings;
  try {
    settings = parseCliArgs(argv, cwd, Boolean(out.isTTY));
  } catch (thrown) {
    err.write(`container-policy: ${describeError(thrown)}\n\n${USAGE}\n`);
    return EXIT.error;
  }
  if (settings.command === 'help') return out.write(USAGE + '\n'), EXIT.pass;
  if (settings.command === 'version') return out.write(`${TOOL.name} ${TOOL.version}\n`), EXIT.pass;
  try {
    const targets = await expandCliPaths(settings.paths, cwd, settings.patterns, settings.kind);
    const byPath = new Map<string, CliTarget>(targets.map((t) => [t.path, t]));
    const result = await runPipeline({
      discover: async () => ({ files: targets, scope: `${targets.length} file(s) under ${settings.paths.join(', ')}` }),
      readFile: (path) => {
        const target = byPath.get(path) as CliTarget;
        return readTargetFile(target.root, target.relative, settings.maxFileBytes);
      },
      loadEngine: async () => loadPolicyEngine(await readPolicyBundle(defaultBundleDir())),
    });
    const verdict = decideVerdict(result, { failOn: settings.failOn });
    const report = renderReport(settings.format, result, verdict, { color: settings.color, tool: TOOL });
    if (settings.outputPath) await writeFile(settings.outputPath, report);
    else out.write(report.endsWith('\n') ? report : report + '\n');
    if (settings.jsonReportPath) {
      await writeFile(settings.jsonReportPath, JSON.stringify(toJsonReport(result, verdict, TOOL), null, 2) + '\n');
    }
    return verdict === 'fail' ? EXIT.fail : EXIT.pass;
  } catch (thrown) {
    const message = thrown instanceof UserError ? thrown.message : `unexpected error (please report this): ${(thrown as Error)?.stack ?? describeError(thrown)}`;
    err.write(`container-policy: ${message}\n`);
    if (thrown instanceof UsageError) err.write(`\n${USAGE}\n`);
    return EXIT.error;
  }
}
