import type { CheckError, Finding } from '../model.js';
import { composeLine, intro } from '../parse/compose/inline-dockerfiles.js';
import type { EmbeddedDockerfile } from '../parse/parsed-file.js';
import type { Catalogue } from './catalogue.js';
import { toFindings, type FileFindings } from './to-findings.js';

/**
 * The findings of a compose service's inline Dockerfile (see EmbeddedDockerfile), from the Dockerfile
 * rules' raw results, as findings of the compose file: its path, its lines, and a message that names
 * the service. They keep kind `dockerfile`, the kind of rule that made them. A Dockerfile that could
 * not be parsed is a parse error at its line of the compose file.
 */
export function embeddedFindings(embedded: EmbeddedDockerfile, raw: unknown, catalogue: Catalogue): FileFindings {
  if (embedded.parsed === undefined) {
    const message = embedded.error?.message ?? `${intro(embedded.service)}: could not be parsed.`;
    return { findings: [], errors: [{ kind: 'parse', path: embedded.path, line: embedded.error?.line ?? embedded.keyLine, message }] };
  }
  return inComposeFile(embedded, toFindings(raw, embedded.parsed, catalogue));
}

/** Findings and errors made against an inline Dockerfile's own lines (built-in or custom rules), placed in its compose file. */
export function inComposeFile(embedded: EmbeddedDockerfile, own: { readonly findings: readonly Finding[]; readonly errors: readonly CheckError[] }): FileFindings {
  const lead = intro(embedded.service);
  const findings = own.findings.map(
    (f): Finding => ({
      ...f,
      path: embedded.path,
      startLine: composeLine(embedded, f.startLine),
      endLine: composeLine(embedded, f.endLine),
      message: `${lead}: ${f.message}`,
    }),
  );
  const errors = own.errors.map((e): CheckError => ({ ...e, path: embedded.path, line: composeLine(embedded, e.line ?? 1), message: `${lead}: ${e.message}` }));
  return { findings, errors };
}
