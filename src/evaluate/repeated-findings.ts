import type { Finding } from '../model.js';

/** One checked file's findings: those of the file itself and of what it brought in (a compose project's other files). */
export interface FindingsOfFile {
  readonly path: string;
  readonly findings: readonly Finding[];
}

/**
 * The findings of a scan, each reported once, in the order the files were checked. A file that compose
 * files include (or extend, or merge as a project) is checked within each of them, and again on its
 * own when it is scanned too, and each check reported the same finding (rule, file, lines, message):
 * annotations, reports and counts showed it twice or more. Only a finding in another file than the one
 * checked can repeat one, so only those, and the findings of the files they point into, are compared.
 */
export function onceEach(files: readonly FindingsOfFile[]): Finding[] {
  const elsewhere = new Set<string>();
  for (const file of files) for (const f of file.findings) if (f.path !== file.path) elsewhere.add(f.path);
  const all = files.flatMap((file) => file.findings);
  if (elsewhere.size === 0) return all;
  const seen = new Set<string>();
  return all.filter((f) => {
    if (!elsewhere.has(f.path)) return true;
    const key = [f.ruleId, f.severity, f.path, f.startLine, f.endLine, f.message].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
