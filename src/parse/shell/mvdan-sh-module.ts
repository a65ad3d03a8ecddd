import { createRequire } from 'node:module';

/** The slice of mvdan-sh's (GopherJS) API the splitter uses; the package ships no types. */
export interface ShNode {
  Pos(): ShPos;
  End(): ShPos;
  [field: string]: unknown;
}
export interface ShPos {
  Offset(): number;
  Line(): number;
  Col(): number;
}
export interface ShSyntax {
  NewParser(...options: unknown[]): { Parse(src: string, name: string): ShNode };
  Variant(lang: unknown): unknown;
  LangBash: unknown;
  NodeType(node: ShNode): string;
  Walk(node: ShNode, visit: (node: ShNode | null) => boolean): void;
}

let cached: ShSyntax | undefined;

/**
 * mvdan-sh, loaded on first use: it is 1.5 MB of transpiled Go that takes ~100 ms to initialise, and
 * a file without a shell-form RUN never needs it (cold start of a one-file run matters).
 */
export function shSyntax(): ShSyntax {
  if (cached === undefined) {
    const require = createRequire(import.meta.url);
    // GopherJS sets Error.stackTraceLimit to Infinity as it loads, for whole Go stack traces. That
    // is process-wide: every error anywhere then records its whole stack, and a stack overflow in
    // the parser's recursive walk (a pipeline of thousands of commands), which GopherJS turns into
    // a new error at each of the thousands of frames it unwinds, took 25 s. Put back what it was.
    const stackTraceLimit = Error.stackTraceLimit;
    cached = (require('mvdan-sh') as { syntax: ShSyntax }).syntax;
    Error.stackTraceLimit = stackTraceLimit;
  }
  return cached;
}
