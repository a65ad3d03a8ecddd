import { relative, sep } from 'node:path';
import type { Catalogue } from '../evaluate/catalogue.js';
import type { FrameworkId, ScanResult, Verdict } from '../model.js';
import { toActionOutputs } from './action-outputs.js';
import { annotate } from './annotate.js';
import { apiClientOptions } from '../github/octokit-api.js';
import * as runner from '../github/runner-io.js';
import { createCheckRunApi } from './check-run-api.js';
import { serializeJsonReport, toJsonReport, type ToolInfo } from './json-report.js';
import { describeSarifCut } from './sarif-cut.js';
import { sarifCut, serializeSarif, toSarif } from './sarif.js';
import { writeFailure, writeOutputFile } from './write-output-fs.js';
import { renderSummary } from './summary-markdown.js';

/** What publishing needs from the action's settings (a structural slice of them). */
export interface PublishSettings {
  readonly workspace: string;
  readonly token: string;
  readonly apiUrl: string;
  readonly owner: string;
  readonly repo: string;
  readonly repositoryUrl: string;
  /** Scales the API retry back-off; only tests set it. */
  readonly apiRetryBaseMs?: number;
  readonly apiTimeoutMs?: number | undefined;
  readonly sha: string;
  readonly pullRequest?: { readonly headSha?: string };
  readonly jsonReportPath?: string;
  readonly sarifPath?: string;
  readonly frameworks?: readonly FrameworkId[];
}

/** The run as the report stage receives it from the pipeline. */
export interface PublishedRun extends ScanResult {
  readonly scope: string;
  readonly catalogue?: Catalogue;
}

/** Writes a report the user asked for; a failed write fails the run, naming the input to change. */
function writeReport(what: string, input: string, path: string, content: string): Promise<void> {
  return writeOutputFile(what, path, content, `Free space or permissions on the runner, or point the \`${input}\` input at a writable path.`);
}

function shown(workspace: string, path: string): string {
  const rel = relative(workspace, path);
  return rel.startsWith('..') ? path : rel.split(sep).join('/');
}

/**
 * Publishes a run from the action: annotations (a check run with every finding, or workflow
 * commands when the token may not write checks), the JSON report and SARIF files, the job summary
 * (which says how the findings were annotated and where the full reports are), and the outputs.
 * Reports are written before the summary so that the summary can point at them.
 */
export async function publishActionReports(settings: PublishSettings, run: PublishedRun, verdict: Verdict, tool: ToolInfo, summaryPath: string | undefined): Promise<void> {
  const headSha = settings.pullRequest?.headSha ?? settings.sha;
  const checks = settings.token === '' ? undefined : createCheckRunApi(settings.token, settings.apiUrl, settings.owner, settings.repo, apiClientOptions(settings));
  const outcome = await annotate(run, verdict, headSha, checks);
  for (const line of outcome.log) runner.info(line);
  // Workflow commands go straight to stdout, escaped by the renderer.
  for (const line of outcome.commands) process.stdout.write(`${line}\n`);

  const outputs = toActionOutputs(run, verdict);
  const places: string[] = [];
  if (settings.jsonReportPath) {
    await writeReport('the JSON report', 'json-report', settings.jsonReportPath, serializeJsonReport(toJsonReport(run, verdict, tool)));
    outputs['json-report'] = settings.jsonReportPath;
    places.push(`the JSON report \`${shown(settings.workspace, settings.jsonReportPath).replace(/`/g, "'")}\` (step output \`json-report\`)`);
  }
  const notes: string[] = [];
  if (settings.sarifPath) {
    await writeReport('the SARIF log', 'sarif', settings.sarifPath, serializeSarif(toSarif(run, run.catalogue, tool)));
    outputs.sarif = settings.sarifPath;
    // A log cut to GitHub's per-run limits is not where everything is; the log and the summary say what it left out.
    const cut = describeSarifCut(sarifCut(run, run.catalogue));
    if (cut === undefined) places.push(`the SARIF log \`${shown(settings.workspace, settings.sarifPath).replace(/`/g, "'")}\` (step output \`sarif\`)`);
    else notes.push(cut);
  }
  for (const note of notes) runner.info(note);
  outputs['annotation-mode'] = outcome.note.mode;
  if (outcome.checkRunId !== undefined) outputs['check-run-id'] = String(outcome.checkRunId);
  if (outcome.note.mode === 'check-run') places.push('the check run');
  if (summaryPath) {
    const summary = renderSummary(notes.length === 0 ? run : { ...run, notices: [...(run.notices ?? []), ...notes] }, verdict, {
      headSha,
      repoUrl: settings.repositoryUrl,
      scope: run.scope,
      annotations: outcome.note,
      ...(run.catalogue ? { catalogue: run.catalogue } : {}),
      ...(settings.frameworks ? { frameworks: settings.frameworks } : {}),
      ...(places.length > 0 ? { fullReport: places.join(' and ') } : {}),
    });
    try {
      await runner.appendSummary(summary);
    } catch (thrown) {
      throw writeFailure('the job summary', summaryPath, thrown, 'The runner provides this file (GITHUB_STEP_SUMMARY); free space on the runner, or check what else in the job changes it, and re-run.');
    }
  }
  try {
    for (const [name, value] of Object.entries(outputs)) runner.setOutput(name, value);
  } catch (thrown) {
    throw writeFailure('the step outputs', process.env.GITHUB_OUTPUT ?? 'GITHUB_OUTPUT', thrown, 'The runner provides this file (GITHUB_OUTPUT); free space on the runner, or check what else in the job changes it, and re-run.');
  }
}
