import type { OtherTool } from '../config/config-file.js';

/** Which tool's syntax a suppression comment was written in. */
export type SuppressionTool = 'container-policy' | OtherTool;

/**
 * One suppression comment found in a file. `target` is the line whose findings it covers, or
 * `file` for the file-level forms (findings about something missing have no line of their own).
 */
export interface SuppressionComment {
  readonly tool: SuppressionTool;
  /** 1-based line of the comment itself. */
  readonly line: number;
  readonly target: number | 'file';
  /** Rule ids as written: our ids for container-policy, the other tool's ids otherwise. */
  readonly ids: readonly string[];
  /** Ids are matched against rules that have any alias of this tool (`kics-scan ignore-line` names none). */
  readonly anyAliasOf?: OtherTool;
  readonly reason?: string;
  /** Why the comment cannot be applied (written wrongly, blanket); it is then reported, never applied. */
  readonly problem?: string;
}

/** The form a container-policy comment must take, quoted in messages. */
export const SUPPRESSION_SYNTAX = '# container-policy ignore=<rule ids> -- <reason>';

const OURS = /#\s*container-policy\b(.*)$/;
const OURS_FORM = /^\s+(ignore|ignore-file)=(\S*)\s*(?:--\s*(.*))?$/;
const BLANKET_IDS = new Set(['*', 'all', 'any']);

interface OtherSyntax {
  readonly pattern: RegExp;
  /** Returns ids and reason from the match, and whether the comment covers the whole file. */
  read(match: RegExpExecArray): { ids: string[]; reason?: string; file?: boolean; anyAlias?: boolean };
}

const splitIds = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Trivy accepts `DS002` and `AVD-DS-0002` for the same check; aliases are written the long way. */
const trivyId = (id: string): string => {
  const short = /^(?:AVD-)?DS-?0*(\d+)$/i.exec(id);
  return short ? `AVD-DS-${short[1]!.padStart(4, '0')}` : id.toUpperCase();
};

/** The comment forms of other tools, as each tool documents them. */
const OTHER_SYNTAX: Readonly<Record<OtherTool, OtherSyntax>> = {
  hadolint: {
    pattern: /#\s*hadolint\s+(global\s+)?ignore=([A-Za-z0-9,\s]+)$/,
    read: (m) => ({ ids: splitIds(m[2] ?? ''), file: Boolean(m[1]) }),
  },
  trivy: {
    pattern: /#\s*trivy:ignore:([A-Za-z0-9-]+)/,
    read: (m) => ({ ids: [trivyId(m[1] ?? '')] }),
  },
  checkov: {
    pattern: /#\s*checkov:skip=([A-Za-z0-9_]+)(?::\s*(.*))?$/,
    read: (m) => ({ ids: [m[1] ?? ''], ...(m[2]?.trim() ? { reason: m[2].trim() } : {}) }),
  },
  kics: {
    pattern: /#\s*kics-scan\s+(ignore-line|disable=([A-Za-z0-9,\s-]+))\s*$/,
    read: (m) => (m[1] === 'ignore-line' ? { ids: [], anyAlias: true } : { ids: splitIds(m[2] ?? ''), file: true }),
  },
};

/**
 * Finds the suppression comments in a file's lines. A comment on a line of its own covers the next
 * line that is not a comment (so several tools' comments can stack above one instruction); a
 * comment after code on a line covers that line. Other tools' comments are read only for the tools
 * listed.
 */
export function findSuppressionComments(lines: readonly string[], otherTools: readonly OtherTool[]): SuppressionComment[] {
  const found: SuppressionComment[] = [];
  const isComment = (i: number): boolean => (lines[i] ?? '').trimStart().startsWith('#');
  const targetOf = (i: number): number => {
    if (!isComment(i)) return i + 1;
    let next = i + 1;
    while (next < lines.length && isComment(next)) next++;
    return next + 1;
  };
  lines.forEach((text, i) => {
    const hash = commentStart(text);
    if (hash < 0) return;
    const comment = text.slice(hash);
    const ours = OURS.exec(comment);
    if (ours) {
      found.push(readOurs(ours[1] ?? '', i + 1, targetOf(i)));
      return;
    }
    for (const tool of otherTools) {
      const match = OTHER_SYNTAX[tool].pattern.exec(comment);
      if (!match) continue;
      const { ids, reason, file, anyAlias } = OTHER_SYNTAX[tool].read(match);
      found.push({
        tool,
        line: i + 1,
        target: file ? 'file' : targetOf(i),
        ids,
        ...(anyAlias ? { anyAliasOf: tool } : {}),
        ...(reason ? { reason } : {}),
      });
    }
  });
  return found;
}

function readOurs(rest: string, line: number, target: number): SuppressionComment {
  const form = OURS_FORM.exec(rest);
  if (!form) {
    return { tool: 'container-policy', line, target, ids: [], problem: `cannot read this suppression; write it as \`${SUPPRESSION_SYNTAX}\`` };
  }
  const ids = splitIds(form[2] ?? '');
  const reason = form[3]?.trim();
  const base = { tool: 'container-policy' as const, line, target: form[1] === 'ignore-file' ? ('file' as const) : target, ids, ...(reason ? { reason } : {}) };
  if (ids.length === 0) return { ...base, problem: 'names no rule ids; a suppression must name the rules it silences' };
  const blanket = ids.find((id) => BLANKET_IDS.has(id.toLowerCase()));
  if (blanket) return { ...base, problem: `"${blanket}" is a blanket ignore, which is not allowed; name the rule ids` };
  return base;
}

/** Index of the `#` that starts a comment: at the start of the line, or after whitespace. */
function commentStart(text: string): number {
  // Most lines have no `#` at all; every line of every checked file comes through here.
  if (!text.includes('#')) return -1;
  const trimmed = text.trimStart();
  if (trimmed.startsWith('#')) return text.length - trimmed.length;
  const match = /\s#/.exec(text);
  return match ? match.index + 1 : -1;
}
