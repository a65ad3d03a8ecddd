import type { ActionSettings } from '../config/settings.js';
import { describeError } from '../errors.js';
import { createGit, type GitPort } from '../git/git-fs.js';
import { createBaseFileReader, type BaseFileReader } from './base-files.js';
import type { EventContext } from './change-list.js';
import type { ComposeProject } from './compose-projects.js';
import { discoverTargets, type Discovery } from './discover-targets.js';
import { apiClientOptions } from '../github/octokit-api.js';
import { createGitHubApi } from './github-api.js';
import { MissingFileError } from './read-target-fs.js';
import { walkWorkspace } from './walk-workspace-fs.js';
import { checkWorkspaceCommit } from './workspace-commit.js';

/** Where the configuration file lives by default; a pull request that edits it is told it applies after merge. */
export const DEFAULT_GOVERNING_PATHS: readonly string[] = ['.github/container-policy.yml', '.github/container-policy.yaml'];

/** Discovery and the base-commit reader for the action, over the real API, git and file system. */
export interface ActionDiscovery {
  /** Reads the configuration and custom policies from the commit the change goes into (see BaseFileReader). */
  readonly baseFiles: BaseFileReader;
  /** Runs discovery; the configuration may add compose projects and further governing paths (policy directories). */
  discover(extra?: { readonly composeProjects?: readonly ComposeProject[]; readonly governingPaths?: readonly string[] }): Promise<Discovery>;
}

/** Builds the event context discovery reads from the action's settings. */
export function eventContext(settings: ActionSettings): EventContext {
  return {
    name: settings.eventName,
    owner: settings.owner,
    repo: settings.repo,
    ...(settings.pullRequest ? { pullRequest: settings.pullRequest } : {}),
    ...(settings.push ? { push: settings.push } : {}),
    ...(settings.mergeGroup ? { mergeGroup: settings.mergeGroup } : {}),
    ...(settings.defaultBranch ? { defaultBranch: settings.defaultBranch } : {}),
  };
}

/** Discovery for the action's event; `readFile` is the run's guarded reader of workspace files (see targetFileReader). */
export function createActionDiscovery(settings: ActionSettings, readFile: (path: string) => Promise<Uint8Array>): ActionDiscovery {
  const event = eventContext(settings);
  const api = createGitHubApi(settings.token, settings.apiUrl, apiClientOptions(settings));
  const git = createGit(settings.workspace);
  const baseFiles = createBaseFileReader(event, settings.maxFileBytes, {
    api,
    git,
    readWorkspaceFile: async (path) => {
      try {
        return await readFile(path);
      } catch (thrown) {
        // Only absence means "no file"; a refused file (a link out, too large) stays an error.
        if (thrown instanceof MissingFileError) return undefined;
        throw thrown;
      }
    },
  });
  return {
    baseFiles,
    discover: async (extra = {}) => {
      // Before any file is judged: a pull request's run must be looking at the pull request's code.
      if (event.pullRequest) checkWorkspaceCommit(event, settings.sha, await readHead(git));
      return discoverTargets(
        event,
        {
          patterns: settings.patterns,
          scan: settings.scan,
          ...(settings.pathScope ? { scope: settings.pathScope } : {}),
          composeProjects: extra.composeProjects ?? [],
          governingPaths: [...DEFAULT_GOVERNING_PATHS, ...(extra.governingPaths ?? [])],
        },
        { api, git, listWorkspace: () => walkWorkspace(settings.workspace), readFile },
      );
    },
  };
}

/** The commit the workspace's checkout holds, or why git could not say (no .git, no git, an unsafe directory). */
async function readHead(git: GitPort): Promise<{ readonly sha: string } | { readonly problem: string }> {
  if (!git.headCommit) return { problem: 'no way to ask git' };
  try {
    return { sha: await git.headCommit() };
  } catch (thrown) {
    return { problem: describeError(thrown) };
  }
}
