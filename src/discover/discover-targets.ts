import type { TargetFile } from '../model.js';
import { UserError } from '../errors.js';
import type { ScanScope } from '../config/settings.js';
import type { FilePatterns } from './file-patterns.js';
import { PULL_REQUEST_FILES_API_CAP, type PullRequestFilesApi } from './github-api.js';
import { selectAllFiles, selectChangedFiles } from './select-changed-files.js';

/** The parts of the triggering event discovery reads. */
export interface EventContext {
  readonly name: string;
  readonly owner: string;
  readonly repo: string;
  /** Set for pull_request and pull_request_target events. */
  readonly pullRequest?: { readonly number: number; readonly changedFiles?: number };
}

export interface DiscoveryPorts {
  readonly api: PullRequestFilesApi;
  /** Lists every file below the workspace (see walk-workspace-fs). */
  readonly listWorkspace: () => Promise<string[]>;
}

export interface Discovery {
  readonly files: TargetFile[];
  /** What was scanned, in words, for the log and the summary. */
  readonly scope: string;
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/**
 * Chooses the files to check: for a pull request, the files it changed (all pages); for any other
 * event, the whole workspace. A file list GitHub cut short fails closed rather than passing on part.
 */
export async function discoverTargets(
  event: EventContext,
  options: { readonly patterns: FilePatterns; readonly scan: ScanScope },
  ports: DiscoveryPorts,
): Promise<Discovery> {
  const { patterns } = options;
  if (options.scan === 'changed' && PULL_REQUEST_EVENTS.has(event.name) && event.pullRequest) {
    const { number, changedFiles } = event.pullRequest;
    const entries = await ports.api.listPullRequestFiles(event.owner, event.repo, number);
    const truncated =
      (changedFiles !== undefined && entries.length < changedFiles) || entries.length >= PULL_REQUEST_FILES_API_CAP;
    if (truncated) {
      throw new UserError(
        `Pull request #${number} changes ${changedFiles ?? 'more than ' + PULL_REQUEST_FILES_API_CAP} files but GitHub listed only ` +
          `${entries.length}; refusing to pass on a partial list. Set the input scan: all to check the whole workspace.`,
      );
    }
    return {
      files: selectChangedFiles(entries, patterns),
      scope: `files changed by pull request #${number} (${entries.length} changed in all)`,
    };
  }
  const paths = await ports.listWorkspace();
  const why = options.scan === 'all' ? 'scan: all' : `${event.name || 'no'} event`;
  return { files: selectAllFiles(paths, patterns), scope: `all files in the workspace (${why})` };
}
