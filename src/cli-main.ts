import { runCli } from './cli.js';

// Entry of the `container-policy` command (bundled to dist/cli/index.js).
process.exitCode = await runCli(process.argv.slice(2));
