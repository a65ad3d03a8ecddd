import type { ActionSettings } from './settings.js';
import { eventContext } from '../discover/action-discovery.js';
import { governingRef, listBaseDirectory } from '../discover/base-files.js';
import { createGitHubApi } from '../discover/github-api.js';
import { apiClientOptions } from '../github/octokit-api.js';
import { createGit } from '../git/git-fs.js';
import { UserError } from '../errors.js';
import { workspaceFiles, type TrustedFiles } from './config-file-fs.js';

/**
 * The action's trusted files: on a pull request (or merge group) the base commit's bytes, from the
 * local clone when it has the commit, else from the contents API; otherwise the workspace.
 * Directories are listed at the base as well (git ls-tree, else the contents API), so a file the pull
 * request adds is not used until it is merged, and a file it deletes still counts.
 */
export function actionTrustedFiles(settings: ActionSettings): TrustedFiles {
  const workspace = workspaceFiles(settings.workspace);
  const event = eventContext(settings);
  const ref = governingRef(event);
  if (!ref) return workspace;
  const git = createGit(settings.workspace);
  const api = createGitHubApi(settings.token, settings.apiUrl, apiClientOptions(settings));
  return {
    origin: `the base commit ${ref.slice(0, 12)}`,
    async readFile(path) {
      const clean = path.replace(/^\.\//, '');
      if (clean.startsWith('/') || clean.split('/').includes('..')) {
        throw new UserError(`${path}: the configuration and policies are read from inside the repository; use a repository-relative path.`);
      }
      if (await git.hasCommit(ref)) return git.show(ref, clean);
      return api.getFileAtRef(event.owner, event.repo, clean, ref);
    },
    // Listed at the base too: a pull request that deletes a policy file must not drop it from its own check.
    listFiles: (dir) => listBaseDirectory(event.owner, event.repo, ref, dir, { git, api }),
  };
}
