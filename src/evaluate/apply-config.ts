import type { ConfigFile, Exclusion } from '../config/config-file.js';
import { matchesPattern } from '../discover/file-patterns.js';
import { UserError } from '../errors.js';
import type { Finding, SuppressedFinding } from '../model.js';
import type { ParsedFile } from '../parse/parsed-file.js';
import { SUPPRESSION_SYNTAX, findSuppressionComments, type SuppressionComment } from './suppressions.js';

/** One file's findings after the configuration: what still counts, and what was taken out and why. */
export interface ConfiguredFindings {
  readonly findings: Finding[];
  readonly suppressed: SuppressedFinding[];
}

/** Rule ids of the findings this stage itself raises about suppression comments. */
export const SUPPRESSION_RULES = {
  invalid: 'CPS001',
  unused: 'CPS002',
} as const;

/**
 * Applies the configuration to one file's findings, in this order: severity overrides and disabled
 * rules, then configured exclusions, then suppression comments. Comments that cannot be applied
 * (malformed, blanket, no reason when one is required, suppressions forbidden) and comments that
 * suppressed nothing become warn findings on the comment's line: a finding is seen, a log line is not.
 */
export function applyConfig(findings: readonly Finding[], parsed: ParsedFile, config: ConfigFile): ConfiguredFindings {
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const original of findings) {
    const rule = config.rules[original.ruleId];
    const finding = rule?.severity ? { ...original, severity: rule.severity } : original;
    if (rule?.enabled === false) {
      suppressed.push({ finding, by: 'config', reason: rule.reason ?? '', source: `rules.${finding.ruleId}` });
      continue;
    }
    const index = config.exclusions.findIndex((e) => excludes(e, finding, parsed));
    const exclusion = config.exclusions[index];
    if (exclusion) {
      suppressed.push({ finding, by: 'exclusion', reason: exclusion.reason, source: `exclusions[${index}]` });
      continue;
    }
    kept.push(finding);
  }
  // Each file's comments cover findings in that file only: a comment in compose.yaml says nothing
  // about the same line number of an override file.
  const extra: Finding[] = [];
  let remaining = kept;
  for (const [path, lines] of commentedFiles(parsed, kept)) {
    const applied = applyComments(path, lines, remaining.filter((f) => f.path === path), parsed.document.kind, config);
    remaining = [...remaining.filter((f) => f.path !== path), ...applied.findings];
    // Loops, not spreads: a file can have more findings than a call takes arguments.
    for (const finding of applied.suppressed) suppressed.push(finding);
    for (const finding of applied.extra) extra.push(finding);
  }
  return { findings: [...remaining, ...extra], suppressed };
}

/**
 * The files whose comments apply, with their lines: the checked file, and for a compose project every
 * YAML file it was built from (override, `extends`, `include` files) and every file a finding is in.
 */
function commentedFiles(parsed: ParsedFile, findings: readonly Finding[]): Map<string, readonly string[]> {
  const { document } = parsed;
  const files = new Map<string, readonly string[]>([[document.path, document.lines]]);
  const others = [...(document.kind === 'compose' ? (document.files ?? []).filter((f) => /\.ya?ml$/i.test(f)) : []), ...findings.map((f) => f.path)];
  for (const path of others) {
    const lines = files.has(path) ? undefined : parsed.linesOf?.(path);
    if (lines) files.set(path, lines);
  }
  return files;
}

/** Applies the suppression comments of one file to the findings in that file. */
function applyComments(
  path: string,
  lines: readonly string[],
  findings: readonly Finding[],
  kind: Finding['kind'],
  config: ConfigFile,
): { findings: Finding[]; suppressed: SuppressedFinding[]; extra: Finding[] } {
  const suppressed: SuppressedFinding[] = [];
  const comments = findSuppressionComments(lines, config.suppressions.otherTools);
  const commentFinding = (comment: SuppressionComment, rule: 'invalid' | 'unused', message: string): Finding => ({
    ruleId: SUPPRESSION_RULES[rule],
    title: rule === 'invalid' ? 'Suppression comment not applied' : 'Suppression comment suppresses nothing',
    severity: 'warn',
    kind,
    path,
    startLine: comment.line,
    endLine: comment.line,
    message,
    remediation:
      rule === 'invalid'
        ? `Write \`${SUPPRESSION_SYNTAX}\` (\`ignore-file=\` for findings about something missing), or fix the finding.`
        : 'Remove the comment, or correct the rule ids or its position (the line above the finding, or the end of its line).',
    compliance: {},
    aliases: {},
  });
  const extra: Finding[] = [];
  const usable: SuppressionComment[] = [];
  for (const comment of comments) {
    const ours = comment.tool === 'container-policy';
    if (!config.suppressions.allowed) {
      if (ours) extra.push(commentFinding(comment, 'invalid', `Suppression comments are forbidden by the configuration (suppressions.allowed: false); ${comment.ids.join(', ') || 'nothing'} is not suppressed.`));
    } else if (comment.problem) {
      extra.push(commentFinding(comment, 'invalid', `This suppression comment ${comment.problem}.`));
    } else if (ours && config.suppressions.requireReason && !comment.reason) {
      extra.push(commentFinding(comment, 'invalid', `This suppression of ${comment.ids.join(', ')} gives no reason, and the configuration requires one (suppressions.require-reason); write \`-- <reason>\` after the ids.`));
    } else {
      usable.push(comment);
    }
  }
  const used = new Map<SuppressionComment, Set<string>>();
  const remaining: Finding[] = [];
  for (const finding of findings) {
    const hit = usable.find((c) => covers(c, finding) !== undefined);
    if (!hit) {
      remaining.push(finding);
      continue;
    }
    const id = covers(hit, finding) as string;
    used.set(hit, (used.get(hit) ?? new Set()).add(id));
    const reason = hit.reason ?? `${hit.tool} comment (no reason given)`;
    suppressed.push({ finding, by: 'comment', reason, source: `${path}:${hit.line}` });
  }
  // Other tools' comments may still serve those tools, so only ours are reported when unused.
  for (const comment of usable.filter((c) => c.tool === 'container-policy')) {
    const unused = comment.ids.filter((id) => !used.get(comment)?.has(id));
    if (unused.length === 0) continue;
    const where = comment.target === 'file' ? 'in this file' : `on line ${comment.target}`;
    extra.push(commentFinding(comment, 'unused', `The suppression of ${unused.join(', ')} matched no finding ${where}.`));
  }
  return { findings: remaining, suppressed, extra };
}

/** The id (as the comment wrote it) by which a comment covers a finding, or undefined. */
function covers(comment: SuppressionComment, finding: Finding): string | undefined {
  if (comment.target !== 'file' && (comment.target < finding.startLine || comment.target > finding.endLine)) return undefined;
  if (comment.tool === 'container-policy') return comment.ids.find((id) => id === finding.ruleId);
  const aliases = (finding.aliases[comment.tool] ?? []).map((a) => a.toUpperCase());
  if (comment.anyAliasOf) return aliases.length > 0 ? '(line)' : undefined;
  return comment.ids.find((id) => aliases.includes(id.toUpperCase()));
}

function excludes(exclusion: Exclusion, finding: Finding, parsed: ParsedFile): boolean {
  if (!exclusion.rules.includes('*') && !exclusion.rules.includes(finding.ruleId)) return false;
  if (exclusion.paths && !exclusion.paths.some((glob) => matchesPattern(finding.path, glob))) return false;
  if (exclusion.services) {
    const service = serviceAt(parsed, finding.startLine);
    if (service === undefined || !exclusion.services.includes(service)) return false;
  }
  return true;
}

/** The compose service whose block holds `line`, if any. */
function serviceAt(parsed: ParsedFile, line: number): string | undefined {
  const { document } = parsed;
  if (document.kind !== 'compose') return undefined;
  const services = document.data.services;
  if (!services || typeof services !== 'object' || Array.isArray(services)) return undefined;
  return Object.keys(services).find((name) => {
    const range = parsed.locate(['services', name]);
    return range !== undefined && range.startLine <= line && line <= range.endLine;
  });
}

/**
 * Refuses configuration that names rules that do not exist: a typo in a severity override or an
 * exclusion would otherwise silently do nothing.
 */
export function checkConfiguredRuleIds(config: ConfigFile, known: readonly string[], isKnown: (id: string) => boolean = () => false): void {
  const problems: string[] = [];
  const check = (id: string, key: string): void => {
    if (id !== '*' && !known.includes(id) && !isKnown(id)) problems.push(`${key}: no rule has the id "${id}"`);
  };
  for (const id of Object.keys(config.rules)) check(id, `rules.${id}`);
  config.exclusions.forEach((e, i) => e.rules.forEach((id) => check(id, `exclusions[${i}].rules`)));
  if (problems.length > 0) {
    const list = [...known].sort().join(', ');
    throw new UserError(`The configuration file ${config.source ?? ''} names unknown rules:\n  ${problems.join('\n  ')}\nKnown rule ids: ${list}.`);
  }
}
