import * as core from '@actions/core';
import { writeFile } from 'node:fs/promises';
import { readActionSettings } from './config/action-inputs.js';
import type { ActionSettings } from './config/settings.js';
import { discoverTargets } from './discover/discover-targets.js';
import { createPullRequestFilesApi } from './discover/github-api.js';
import { readTargetFile } from './discover/read-target-fs.js';
import { walkWorkspace } from './discover/walk-workspace-fs.js';
import { UserError, describeError } from './errors.js';
import { defaultBundleDir, readPolicyBundle } from './evaluate/policy-bundle-fs.js';
import { loadPolicyEngine } from './evaluate/policy-engine.js';
import { runPipeline, type PipelineResult } from './pipeline.js';
import { toActionOutputs } from './report/action-outputs.js';
import { toJsonReport } from './report/json-report.js';
import { renderSummary } from './report/summary-markdown.js';
import { renderWorkflowCommands } from './report/workflow-commands.js';
import { decideVerdict } from './verdict/decide-verdict.js';
import { TOOL } from './version.js';

/**
 * The action: read settings, check the files, report, and fail the step when the verdict is fail.
 * The one try/catch: a UserError's message is shown as is; anything else is reported as a bug.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const settings = readActionSettings((name) => core.getInput(name), env);
    const result = await runPipeline(actionPorts(settings));
    const verdict = decideVerdict(result, { failOn: settings.failOn });
    await publish(settings, result, verdict, env);
    if (verdict === 'fail') core.setFailed(failureReason(result, settings.failOn));
  } catch (thrown) {
    if (thrown instanceof UserError) core.setFailed(thrown.message);
    else core.setFailed(`container-policy-action failed unexpectedly (please report this): ${describeError(thrown)}\n${(thrown as Error)?.stack ?? ''}`);
  }
}

function actionPorts(settings: ActionSettings) {
  return {
    discover: () =>
      discoverTargets(
        {
          name: settings.eventName,
          owner: settings.owner,
          repo: settings.repo,
          ...(settings.pullRequest ? { pullRequest: settings.pullRequest } : {}),
        },
        { patterns: settings.patterns, scan: settings.scan },
        {
          api: createPullRequestFilesApi(settings.token, settings.apiUrl),
          listWorkspace: () => walkWorkspace(settings.workspace),
        },
      ),
    readFile: (path: string) => readTargetFile(settings.workspace, path, settings.maxFileBytes),
    loadEngine: async () => loadPolicyEngine(await readPolicyBundle(defaultBundleDir())),
  };
}

async function publish(settings: ActionSettings, result: PipelineResult, verdict: 'pass' | 'fail', env: NodeJS.ProcessEnv) {
  core.info(`Checked ${result.files.length} file(s): ${result.scope}.`);
  // Annotations go straight to stdout as workflow commands, escaped by the renderer.
  for (const line of renderWorkflowCommands(result)) process.stdout.write(line + '\n');
  if (env.GITHUB_STEP_SUMMARY) {
    const headSha = settings.pullRequest?.headSha ?? settings.sha;
    await core.summary
      .addRaw(renderSummary(result, verdict, { headSha, repoUrl: settings.repositoryUrl, scope: result.scope }))
      .write();
  }
  const outputs = toActionOutputs(result, verdict);
  if (settings.jsonReportPath) {
    await writeFile(settings.jsonReportPath, JSON.stringify(toJsonReport(result, verdict, TOOL), null, 2) + '\n');
    outputs['json-report'] = settings.jsonReportPath;
  }
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}

function failureReason(result: PipelineResult, failOn: string): string {
  const deny = result.findings.filter((f) => f.severity === 'deny').length;
  const warn = result.findings.length - deny;
  const parts = [`${deny} denial(s)`, `${warn} warning(s)`, `${result.errors.length} error(s)`];
  return `Container policy check failed (fail-on: ${failOn}): ${parts.join(', ')}. See the annotations and the job summary.`;
}
