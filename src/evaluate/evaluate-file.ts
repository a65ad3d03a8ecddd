import type { CheckError } from '../model.js';
import { describeError } from '../errors.js';
import { ParseError } from '../parse/parse-error.js';
import type { ParsedFile } from '../parse/parsed-file.js';
import type { PolicyEngine } from './policy-engine.js';

/**
 * One file parsed and put to the built-in engine: its raw rule results (and, for each Dockerfile
 * written inside it that parsed, in the order of `parsed.embedded`, the Dockerfile rules' results, or
 * undefined for one that did not), or the error that stopped it.
 */
export type EvaluatedFile = { readonly parsed: ParsedFile; readonly raw: unknown; readonly embeddedRaw?: readonly unknown[] } | { readonly error: CheckError };

/**
 * The error for a file that could not be parsed. A ParseError says which file and line (for compose,
 * possibly a related file); anything else is reported against the file being checked.
 */
export function parseFailure(path: string, thrown: unknown): CheckError {
  if (thrown instanceof ParseError) {
    return { kind: 'parse', path: thrown.path, ...(thrown.line ? { line: thrown.line } : {}), message: thrown.message };
  }
  return { kind: 'parse', path, message: `Could not parse the file: ${describeError(thrown)}` };
}

/** The error for a file the policy could not be evaluated on, or whose results could not be used. */
export function policyFailure(path: string, thrown: unknown): CheckError {
  return { kind: 'policy', path, message: describeError(thrown) };
}

/** Evaluates a parsed file with the built-in engine; an engine that throws makes an error for the file, never a pass. */
export function evaluateParsed(path: string, parsed: ParsedFile, engine: PolicyEngine): EvaluatedFile {
  try {
    const raw = engine.evaluate(parsed.document);
    if (parsed.embedded === undefined) return { parsed, raw };
    return { parsed, raw, embeddedRaw: parsed.embedded.map((embedded) => (embedded.parsed ? engine.evaluate(embedded.parsed.document) : undefined)) };
  } catch (thrown) {
    return { error: policyFailure(path, thrown) };
  }
}
