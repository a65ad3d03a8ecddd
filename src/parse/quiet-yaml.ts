/**
 * Runs `read`, a synchronous use of the yaml library's parser, with an empty environment standing in
 * for `process.env`. The library's parser and composer look up LOG_TOKENS and LOG_STREAM in the
 * environment for every token they are given, and when either is set print every token or document of
 * the text: a job that sets LOG_STREAM for some other tool would have each scanned file's content,
 * secrets included, written to its log and into standard output, where it breaks a JSON or SARIF
 * report. Each of those lookups is also a call into the C environment: a fifth of the library's time
 * over the corpus's compose files. Nothing else can run while `read` does, and the real environment
 * is back before it returns or throws.
 */
export function withQuietYaml<T>(read: () => T): T {
  const environment = process.env;
  process.env = QUIET;
  try {
    return read();
  } finally {
    process.env = environment;
  }
}

const QUIET: NodeJS.ProcessEnv = Object.freeze({});
