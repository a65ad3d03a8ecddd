import type { CheckError, FileKind, Finding } from '../model.js';
import type { NodePath, ParsedFile } from '../parse/parsed-file.js';
import { blankVariableNote, variableSourceNote } from './variable-notes.js';
import type { Catalogue } from './catalogue.js';

/** What one file's evaluation turned into: findings, and errors for results that broke the contract. */
export interface FileFindings {
  readonly findings: Finding[];
  readonly errors: CheckError[];
}

/**
 * Turns an entrypoint's result (`{ <rule>: [ {msg, startLine?, endLine?, path?} ] }`) into findings
 * with the rule's metadata and source lines. A result that breaks that shape is an error against the
 * file, not something to skip: a gate that ignores a malformed deny would pass what it should stop.
 */
export function toFindings(raw: unknown, parsed: ParsedFile, catalogue: Catalogue): FileFindings {
  const { kind, path } = parsed.document;
  const findings: Finding[] = [];
  const errors: CheckError[] = [];
  const fail = (message: string): void => {
    errors.push({ kind: 'policy', path, message });
  };
  if (!isRecord(raw)) {
    fail(`The policy returned ${JSON.stringify(raw)} instead of an object of rule results.`);
    return { findings, errors };
  }
  const lastLine = Math.max(1, parsed.document.lines.length);
  const rules = catalogue[kind];
  for (const ruleName of rulesWithResults(raw, rules)) {
    const meta = rules[ruleName];
    const results = raw[ruleName];
    if (!meta) {
      fail(`Rule ${kind}/${ruleName} produced results but has no entry in the policy catalogue.`);
      continue;
    }
    if (!Array.isArray(results)) {
      fail(`Rule ${meta.id} returned ${JSON.stringify(results)} instead of a set of findings.`);
      continue;
    }
    for (const result of results) {
      if (!isRecord(result) || typeof result.msg !== 'string' || result.msg === '') {
        fail(`Rule ${meta.id} returned a finding without a message: ${JSON.stringify(result)}.`);
        continue;
      }
      const range = locateResult(result, parsed, lastLine);
      findings.push({
        ruleId: meta.id,
        title: meta.title,
        severity: meta.severity,
        kind,
        path: range.path ?? path,
        startLine: range.startLine,
        endLine: range.endLine,
        message: result.msg + blankVariableNote(parsed.document, result.path) + variableSourceNote(parsed.document, result.path),
        remediation: meta.remediation,
        compliance: meta.compliance,
        aliases: meta.aliases,
      });
    }
  }
  return { findings, errors };
}

/**
 * The rules whose results need reading, in name order: all but the known rules that found nothing.
 * The entrypoints leave out rules that found nothing (policies/main.rego); an empty list from a
 * policy built otherwise is skipped all the same, before the few names left are sorted.
 */
function rulesWithResults(raw: Record<string, unknown>, rules: Catalogue[FileKind]): string[] {
  const names: string[] = [];
  for (const name in raw) {
    const results = raw[name];
    if (!(Array.isArray(results) && results.length === 0 && rules[name])) names.push(name);
  }
  return names.sort();
}

/** Lines from the result itself, else from its YAML path, else the top of the file; clamped to the file. */
export function locateResult(result: Record<string, unknown>, parsed: ParsedFile, lastLine: number) {
  let start = positiveInt(result.startLine) ?? positiveInt(result.line);
  let end = positiveInt(result.endLine);
  if (start === undefined && Array.isArray(result.path)) {
    const range = parsed.locate(result.path.filter(isPathSegment) as NodePath);
    if (range) {
      start = range.startLine;
      end = range.endLine;
      // A value set in another file (an extends base, an override file): its lines are that file's.
      if (range.path !== undefined && range.path !== parsed.document.path) {
        return { startLine: start, endLine: Math.max(end, start), path: range.path };
      }
    }
  }
  const startLine = Math.min(start ?? 1, lastLine);
  const endLine = Math.min(Math.max(end ?? startLine, startLine), lastLine);
  return { startLine, endLine } as { startLine: number; endLine: number; path?: string };
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : undefined;
}

function isPathSegment(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
