import { existsSync } from 'node:fs';
import { writeOutputFile } from './report/write-output-fs.js';
import { groupComposeProjects } from './discover/compose-projects.js';
import { expandCliPaths, type CliTarget } from './discover/expand-cli-paths-fs.js';
import { USAGE, UsageError, parseCliArgs, type CliSettings } from './config/cli-args.js';
import { cliReadScope, scopedReaders } from './discover/read-scope-fs.js';
import { relatedTargetFinder } from './discover/related-target.js';
import { findDockerfileTargets } from './discover/compose-build-targets.js';
import { textReader } from './discover/text-reader.js';
import { posix, resolve } from 'node:path';
import { UserError, describeError } from './errors.js';
import { defaultBundleDir, readPolicyBundle } from './evaluate/policy-bundle-fs.js';
import { DEFAULT_CONFIG_PATH } from './config/config-file.js';
import { loadConfigFile, workspaceFiles } from './config/config-file-fs.js';
import { applyConfigToSettings } from './config/config-file-settings.js';
import { loadConfiguredEngine, loadRefiner } from './evaluate/apply-config-setup.js';
import { bundleForRun, withDaemonPolicies } from './authz/daemon-setup.js';
import { clockFromEnvironment } from './authz/host-builtins.js';
import { runPipeline } from './pipeline.js';
import { defaultParallelSettings, findWorkerScript } from './parallel/pool-settings.js';
import { prestartWorkers, type PrestartedWorkers } from './parallel/prestart-workers.js';
import { toJsonReport } from './report/json-report.js';
import { renderReport, renderReportChunks } from './report/registry.js';
import { describeSarifCut } from './report/sarif-cut.js';
import { sarifCut } from './report/sarif.js';
import { decideVerdict } from './verdict/decide-verdict.js';
import { TOOL } from './version.js';

/** Where the CLI writes: process.stdout and process.stderr, or a test's sink. */
export interface OutputStream {
  /** False when the text was queued rather than written (a stream's backpressure). */
  write(text: string): unknown;
  readonly isTTY?: boolean;
  /** A stream's events: `drain` once queued text is written, `close`/`error` when nothing more will be. */
  once?(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  off?(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
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
  let prestarted: PrestartedWorkers | undefined;
  try {
    const trusted = workspaceFiles(cwd, { confine: false });
    const config = await loadConfigFile(trusted, settings.configPath ?? DEFAULT_CONFIG_PATH, settings.configPathNamed ?? false);
    settings = applyConfigToSettings(settings, config);
    const policy = { policyPaths: settings.policyPaths ?? [], namespaces: settings.namespaces ?? ['main'] };
    // Files of configured compose projects are compose files whatever their names.
    const projectFiles = new Set(config.composeProjects.flatMap((p) => p.files.map((f) => posix.normalize(f.replace(/^\.\//, '')))));
    // A walk that shows the scan will be big starts its worker threads there and then (see prestart-workers.ts).
    const parallel = defaultParallelSettings();
    const startEarly = {
      count: parallel.minFiles,
      reached: () => {
        if (parallel.workers >= 1) prestarted = prestartWorkers(findWorkerScript(), parallel.workers);
      },
    };
    const named = await expandCliPaths(settings.paths, cwd, settings.patterns, settings.kind, projectFiles, startEarly);
    const byPath = new Map<string, CliTarget>(named.map((t) => [t.path, t]));
    const relatedTarget = relatedTargetFinder(named, cwd);
    // Worker threads build the same readers from this (see ReadScope).
    const readScope = cliReadScope(named, cwd, settings.maxFileBytes);
    const readers = scopedReaders(readScope);
    // Compose projects (configured, or a base file with its override) are checked whole, as the action does.
    const grouped = groupComposeProjects(named, config.composeProjects, (path) => existsSync(resolve(cwd, path))).map(
      (t): CliTarget => ({ ...(byPath.get(t.path) ?? relatedTarget(t.path)), ...(t.project ? { project: t.project } : {}) }),
    );
    // The Dockerfiles a scanned compose file builds from that the patterns do not match (see compose-build-targets.ts).
    const built = await findDockerfileTargets(grouped, textReader(readers.readFile), {
      patterns: settings.patterns,
      inScope: () => true,
      exists: (path) => existsSync(resolve(cwd, path)),
      outside: (path) => (posix.isAbsolute(path) || !insideScan(relatedTarget, path) ? 'which is outside the paths given to scan' : undefined),
    });
    const targets = [
      ...grouped,
      ...built.files.map((f): CliTarget => {
        const { root, relative } = relatedTarget(f.path);
        return { ...f, root, relative };
      }),
    ];
    for (const notice of built.notices) err.write(`container-policy: notice: ${notice}\n`);
    const daemon = {
      paths: settings.daemonPolicyPaths ?? [],
      workspace: cwd,
      ...(settings.daemonUser !== undefined ? { user: settings.daemonUser } : {}),
      // Seccomp profiles named by a scanned compose file are read like its related files: inside a scanned root.
      readFile: readers.readRelated,
    };
    const bundle = readPolicyBundle(defaultBundleDir()).then((b) => bundleForRun(b, daemon));
    const result = await runPipeline({
      discover: async () => ({ files: targets, scope: `${targets.length} file(s) under ${settings.paths.join(', ')}`, ...(built.notices.length > 0 ? { notices: built.notices } : {}), ...(built.errors.length > 0 ? { errors: built.errors } : {}) }),
      // A compose project's related files (.env, extends, include, override) must stay inside a scanned root.
      readFile: readers.readFile,
      readScope,
      loadEngine: async () => loadConfiguredEngine(await bundle, config),
      loadRefiner: async (engine) =>
        withDaemonPolicies((alsoKnown) => loadRefiner(engine, config, policy, trusted, { path: process.env.PATH }, alsoKnown), await bundle, daemon, config, trusted, { path: process.env.PATH }, clockFromEnvironment(process.env)),
      composeVariables: config.composeVariables,
      ...(prestarted ? { prestarted } : {}),
    });
    const verdict = decideVerdict(result, { failOn: settings.failOn, allowErrors: settings.allowErrors === true });
    const renderOptions = {
      color: settings.color,
      tool: TOOL,
      fix: settings.fix,
      catalogue: result.catalogue,
      ...(settings.frameworks ? { frameworks: settings.frameworks } : {}),
    };
    const write = (what: string, flag: string, path: string, content: string) =>
      writeOutputFile(what, path, content, `Free space or fix the permissions, or give ${flag} a writable path.`);
    if (settings.outputPath) await write('the report', '--output', settings.outputPath, renderReport(settings.format, result, verdict, renderOptions));
    else await writeChunks(out, renderReportChunks(settings.format, result, verdict, renderOptions));
    if (settings.jsonReportPath) {
      await write('the JSON report', '--json-report', settings.jsonReportPath, JSON.stringify(toJsonReport(result, verdict, TOOL), null, 2) + '\n');
    }
    if (settings.sarifPath) await write('the SARIF log', '--sarif', settings.sarifPath, renderReport('sarif', result, verdict, renderOptions));
    // The SARIF log carries its own note of what GitHub's limits left out; stderr says it too, where whoever runs the command sees it.
    const sarifCutNote = settings.format === 'sarif' || settings.sarifPath ? describeSarifCut(sarifCut(result, result.catalogue)) : undefined;
    if (sarifCutNote !== undefined) err.write(`container-policy: ${sarifCutNote}\n`);
    return verdict === 'fail' ? EXIT.fail : EXIT.pass;
  } catch (thrown) {
    const message = thrown instanceof UserError ? thrown.message : `unexpected error (please report this): ${(thrown as Error)?.stack ?? describeError(thrown)}`;
    err.write(`container-policy: ${message}\n`);
    if (thrown instanceof UsageError) err.write(`\n${USAGE}\n`);
    return EXIT.error;
  } finally {
    // Threads started ahead that no pool took (a scan that failed before checking) would keep the process alive.
    await prestarted?.discard();
  }
}

/**
 * Writes a report as it is rendered (a big scan's JSON is never one string), ending it with a newline.
 * Waits for the stream to drain whenever it queues: to a pipe, writes complete later, and writing the
 * pieces back to back held every one of them (the whole report, 120 MiB for the corpus) until the end.
 */
async function writeChunks(out: OutputStream, chunks: Iterable<string>): Promise<void> {
  let last = '';
  for (const chunk of chunks) {
    if (out.write(chunk) === false) await drained(out);
    if (chunk !== '') last = chunk;
  }
  if (!last.endsWith('\n')) out.write('\n');
}

/** Resolves when the stream has written what it queued, or will write nothing more (closed, failed). */
function drained(out: OutputStream): Promise<void> {
  const { once, off } = out;
  if (!once || !off) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      for (const event of ['drain', 'close', 'error'] as const) off.call(out, event, done);
      resolve();
    };
    for (const event of ['drain', 'close', 'error'] as const) once.call(out, event, done);
  });
}

function insideScan(relatedTarget: (path: string) => unknown, path: string): boolean {
  try {
    relatedTarget(path);
    return true;
  } catch {
    return false;
  }
}
