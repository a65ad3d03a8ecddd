import { run } from './main.js';

// The runner starts dist/index.js; all behaviour lives in run() so tests can import it.
await run();
