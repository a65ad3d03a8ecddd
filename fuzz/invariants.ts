import type { CheckError, Finding } from '../src/model.js';
import { splitLines } from '../src/parse/decode-text.js';
import type { PipelineResult } from '../src/pipeline.js';
import { OUTPUT_FORMATS, renderReport } from '../src/report/registry.js';

/** A broken invariant: what was wrong, in one line, so crashes can be grouped by kind. */
export class InvariantViolation extends Error {
  override readonly name = 'InvariantViolation';
}

/** Lines of a file as the parsers count them (CRLF, LF and lone CR each end a line; a UTF-8 BOM dropped). */
export function lineCount(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  return splitLines(text).length;
}

/** Messages that mean the parser threw something other than a ParseError: a bug, not a user error. */
const ESCAPED = /^Could not parse the file:/;

/**
 * The fuzzing invariant over one pipeline result: every finding names a file of the workspace and a
 * line range inside it (1 ≤ start ≤ end ≤ lines); every error names its file, has a message, and a line
 * inside the file when it has one; no parser or policy failure that is a bug rather than a user error;
 * and every report format renders (JSON and SARIF parse, workflow commands stay one per line).
 */
export function checkResult(result: PipelineResult, files: ReadonlyMap<string, Uint8Array>): void {
  for (const finding of result.findings) checkFinding(finding, files);
  for (const error of result.errors) checkError(error, files);
  checkReports(result);
}

function checkFinding(finding: Finding, files: ReadonlyMap<string, Uint8Array>): void {
  const bytes = files.get(finding.path);
  if (bytes === undefined) throw new InvariantViolation(`finding ${finding.ruleId} names ${JSON.stringify(finding.path)}, not a file of the workspace`);
  const lines = lineCount(bytes);
  const { startLine: start, endLine: end } = finding;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 1 || start > end || end > lines) {
    throw new InvariantViolation(`finding ${finding.ruleId} has lines ${start}-${end} in a ${lines}-line file`);
  }
  if (finding.message.trim() === '') throw new InvariantViolation(`finding ${finding.ruleId} has an empty message`);
}

function checkError(error: CheckError, files: ReadonlyMap<string, Uint8Array>): void {
  if (error.message.trim() === '') throw new InvariantViolation(`a ${error.kind} error has an empty message`);
  if (ESCAPED.test(error.message)) throw new InvariantViolation(`the parser threw a non-ParseError: ${firstLine(error.message)}`);
  if (error.kind === 'policy') throw new InvariantViolation(`policy evaluation failed: ${firstLine(error.message)}`);
  if (error.path === undefined) throw new InvariantViolation(`a ${error.kind} error names no file`);
  const bytes = files.get(error.path);
  if (bytes === undefined) {
    // A refused related file (outside the workspace, missing) is reported against the file that referred to it.
    throw new InvariantViolation(`a ${error.kind} error names ${JSON.stringify(error.path)}, not a file of the workspace`);
  }
  if (error.line !== undefined) {
    const lines = lineCount(bytes);
    if (!Number.isInteger(error.line) || error.line < 1 || error.line > Math.max(lines, 1)) {
      throw new InvariantViolation(`a ${error.kind} error is at line ${error.line} of a ${lines}-line file\n${error.path}: ${error.message}`);
    }
  }
}

function checkReports(result: PipelineResult): void {
  const verdict = result.findings.some((f) => f.severity === 'deny') || result.errors.length > 0 ? 'fail' : 'pass';
  const options = { color: false, tool: { name: 'fuzz', version: '0' }, fix: true, catalogue: result.catalogue };
  for (const format of OUTPUT_FORMATS) {
    const text = renderReport(format, result, verdict, options);
    if (format === 'json' || format === 'sarif') JSON.parse(text);
    if (format === 'github') {
      for (const line of text.split('\n').filter((l) => l !== '')) {
        if (!line.startsWith('::') || line.includes('\r')) throw new InvariantViolation(`a workflow command spans lines: ${JSON.stringify(line.slice(0, 80))}`);
      }
    }
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
