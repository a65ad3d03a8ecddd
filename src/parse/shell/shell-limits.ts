// Bounds on the shell pass, so that a RUN no real Dockerfile comes near is refused in bounded time and
// memory rather than checked in part or for minutes.

/**
 * A script the shell pass refused to split: the file is reported as not checkable, at the RUN. The
 * message says why and what to do.
 */
export class ShellScriptTooLargeError extends Error {}

/**
 * Shell commands a Dockerfile's RUN instructions may run in all (and so any one script): the scaling
 * benchmark's largest file has 13,333, the real corpus's 911. Every command rule looks at each one.
 */
export const MAX_COMMANDS = 20_000;

// The full shell parser's bounds. Walking its GopherJS tree costs 50–70 µs a node (a script of 4,000
// command substitutions took 1.3 s, one of 190,000 a minute before the stack overflowed), and it
// recurses once per level of the tree (a pipeline of 1,000 commands is 1,000 levels). The corpus's
// largest RUN script is 7.5 KB and 1,092 nodes; the few the fast path leaves to this parser are
// under 500 bytes.
export const MAX_SHELL_PARSER_BYTES = 64 * 1024;
export const MAX_SHELL_PARSER_NODES = 4_000;

/** The refusal past MAX_COMMANDS, of a script (`it runs`) or of a file's RUN instructions together. */
export function tooManyCommands(subject = 'it runs'): ShellScriptTooLargeError {
  return new ShellScriptTooLargeError(
    `${subject} more than ${MAX_COMMANDS} shell commands, where the largest real Dockerfiles run a few hundred, and every command rule looks at each one. Split the file into several Dockerfiles`,
  );
}
