import { readActionSettings } from './config/action-inputs.js';
import type { ActionSettings } from './config/settings.js';
import { createActionDiscovery } from './discover/action-discovery.js';
import * as runner from './github/runner-io.js';
import { scopedReaders, type ReadScope } from './discover/read-scope-fs.js';
import { UserError, describeError } from './errors.js';
import { defaultBundleDir, readPolicyBundle } from './evaluate/policy-bundle-fs.js';
import type { PolicyEngine } from './evaluate/policy-engine.js';
import { DEFAULT_CONFIG_PATH, type ConfigFile } from './config/config-file.js';
import { loadConfigFile, type TrustedFiles } from './config/config-file-fs.js';
import { applyConfigToSettings } from './config/config-file-settings.js';
import { actionTrustedFiles } from './config/config-file-source-fs.js';
import { loadConfiguredEngine, loadRefiner } from './evaluate/apply-config-setup.js';
import { bundleForRun, withDaemonPolicies } from './authz/daemon-setup.js';
import { clockFromEnvironment } from './authz/host-builtins.js';
import { runPipeline, type PipelineResult } from './pipeline.js';
import { publishActionReports } from './report/publish-action-io.js';
import { planNotices } from './report/workflow-commands.js';
import { decideVerdict } from './verdict/decide-verdict.js';
import { TOOL } from './version.js';

/**
 * The action: read settings, check the files, report, and fail the step when the verdict is fail.
 * The one try/catch: a UserError's message is shown as is; anything else is reported as a bug.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const inputs = readActionSettings((name) => runner.getInput(name), env);
    // The configuration comes from the trusted commit (the base of a pull request) and may change the settings.
    const trusted = actionTrustedFiles(inputs);
    const config = await loadConfigFile(trusted, inputs.configPath ?? DEFAULT_CONFIG_PATH, inputs.configPathNamed ?? false);
    const settings = applyConfigToSettings(inputs, config);
    const result = await runPipeline(actionPorts(settings, config, trusted));
    const verdict = decideVerdict(result, { failOn: settings.failOn, allowErrors: settings.allowErrors === true });
    await publish(settings, result, verdict, env);
    if (verdict === 'fail') runner.setFailed(failureReason(result, settings.failOn));
  } catch (thrown) {
    if (thrown instanceof UserError) runner.setFailed(thrown.message);
    else runner.setFailed(`container-policy-action failed unexpectedly (please report this): ${describeError(thrown)}\n${(thrown as Error)?.stack ?? ''}`);
  }
}

function actionPorts(settings: ActionSettings, config: ConfigFile, trusted: TrustedFiles) {
  // One guarded reader for the run: discovery's look at base files and the pipeline's reads share it,
  // and worker threads build the same one from the scope (see ReadScope).
  const readScope: ReadScope = { workspace: settings.workspace, maxBytes: settings.maxFileBytes };
  const readTarget = scopedReaders(readScope).readFile;
  const discovery = createActionDiscovery(settings, readTarget);
  const policyPaths = settings.policyPaths ?? [];
  // Docker daemon policies: the user is the input's, else the configuration's, else the pull request's author.
  const daemon = {
    paths: settings.daemonPolicyPaths ?? [],
    workspace: settings.workspace,
    ...(settings.daemonUser ? { user: settings.daemonUser } : {}),
    ...(settings.pullRequest?.author ? { defaultUser: settings.pullRequest.author } : {}),
    readFile: readTarget,
  };
  const bundle = readPolicyBundle(defaultBundleDir()).then((b) => bundleForRun(b, daemon));
  return {
    discover: () => discovery.discover({ composeProjects: config.composeProjects, governingPaths: [...policyPaths, ...daemon.paths.filter((p) => p !== 'builtin'), ...(config.source ? [config.source] : [])] }),
    readFile: readTarget,
    readScope,
    composeVariables: config.composeVariables,
    loadEngine: async () => loadConfiguredEngine(await bundle, config),
    loadRefiner: async (engine: PolicyEngine) =>
      withDaemonPolicies(
        (alsoKnown) => loadRefiner(engine, config, { policyPaths, namespaces: settings.namespaces ?? ['main'] }, trusted, { path: process.env.PATH }, alsoKnown),
        await bundle,
        daemon,
        config,
        trusted,
        { path: process.env.PATH },
        clockFromEnvironment(process.env),
      ),
  };
}

async function publish(settings: ActionSettings, result: PipelineResult, verdict: 'pass' | 'fail', env: NodeJS.ProcessEnv) {
  runner.info(`Checked ${result.files.length} file(s): ${result.scope}.`);
  const notes = planNotices(result.notices ?? []);
  for (const notice of notes.notices) runner.notice(notice);
  for (const line of notes.log) runner.info(line);
  // Check run (or workflow commands), JSON and SARIF files, job summary, outputs.
  await publishActionReports(settings, result, verdict, TOOL, env.GITHUB_STEP_SUMMARY);
}

function failureReason(result: PipelineResult, failOn: string): string {
  const deny = result.findings.filter((f) => f.severity === 'deny').length;
  const warn = result.findings.length - deny;
  const parts = [`${deny} denial(s)`, `${warn} warning(s)`, `${result.errors.length} error(s)`];
  return `Container policy check failed (fail-on: ${failOn}): ${parts.join(', ')}. See the annotations and the job summary.`;
}
