import type { ConfigFile } from '../config/config-file.js';
import type { CheckError, Finding, SuppressedFinding } from '../model.js';
import type { ParsedFile } from '../parse/parsed-file.js';
import { applyConfig } from './apply-config.js';
import type { Catalogue } from './catalogue.js';
import { policyFailure, type EvaluatedFile } from './evaluate-file.js';
import { embeddedFindings } from './embedded-findings.js';
import { toFindings, type FileFindings } from './to-findings.js';

/** One file's findings and errors, and (once refined) the findings the configuration took out. */
export type CheckedFile = { findings: Finding[]; errors: CheckError[]; suppressed?: SuppressedFinding[] };

/** What a refiner makes of one file. */
export type RefinedFile = { findings: Finding[]; errors: CheckError[]; suppressed: SuppressedFinding[] };

type Refine<R> = (checked: { findings: Finding[]; errors: CheckError[] }, parsed: ParsedFile) => R;

/**
 * Turns one file's built-in findings into the final ones (custom and daemon policy findings added;
 * disabled, excluded and suppressed findings taken out).
 */
export type FileRefiner = Refine<RefinedFile | Promise<RefinedFile>> & {
  /**
   * Set when the refiner does nothing but apply this configuration. It then reads a file's findings
   * and lines, never the rest of its input document, so a worker thread that parsed the file can
   * apply it there and send back the result alone instead of the whole document.
   */
  readonly configurationOnly?: ConfigFile;
};

/** A refiner that is synchronous: the configuration's, which worker threads apply too. */
export type ConfigurationRefiner = Refine<RefinedFile> & FileRefiner;

/** A refiner that applies the configuration file (severities, disabled rules, exclusions, suppression comments) and nothing else. */
export function configurationRefiner(config: ConfigFile): ConfigurationRefiner {
  const refine: Refine<RefinedFile> = (checked, parsed) => {
    const configured = applyConfig(checked.findings, parsed, config);
    return { findings: configured.findings, errors: [...checked.errors], suppressed: configured.suppressed };
  };
  return Object.assign(refine, { configurationOnly: config });
}

/**
 * The built-in results of an evaluated file as findings, then refined. A result that breaks the
 * contract, or a refiner that throws, is an error for the file, never a pass. Synchronous when the
 * refiner is, so a worker thread can use it as it is.
 */
export function finishFile(path: string, evaluated: EvaluatedFile, catalogue: Catalogue, refine: Refine<RefinedFile>): CheckedFile;
export function finishFile(path: string, evaluated: EvaluatedFile, catalogue: Catalogue, refine: FileRefiner | undefined): CheckedFile | Promise<CheckedFile>;
export function finishFile(path: string, evaluated: EvaluatedFile, catalogue: Catalogue, refine: FileRefiner | undefined): CheckedFile | Promise<CheckedFile> {
  if ('error' in evaluated) return { findings: [], errors: [evaluated.error] };
  const failed = (thrown: unknown): CheckedFile => ({ findings: [], errors: [policyFailure(path, thrown)] });
  try {
    const checked = withEmbedded(toFindings(evaluated.raw, evaluated.parsed, catalogue), evaluated, catalogue);
    const refined = refine ? refine(checked, evaluated.parsed) : checked;
    return refined instanceof Promise ? refined.catch(failed) : refined;
  } catch (thrown) {
    return failed(thrown);
  }
}

/** A compose file's findings with those of the inline Dockerfiles its services build from, which are the compose file's too. */
function withEmbedded(checked: FileFindings, evaluated: Extract<EvaluatedFile, { parsed: unknown }>, catalogue: Catalogue): FileFindings {
  const embedded = evaluated.parsed.embedded ?? [];
  if (embedded.length === 0) return checked;
  const findings = [...checked.findings];
  const errors = [...checked.errors];
  embedded.forEach((one, i) => {
    const out = embeddedFindings(one, evaluated.embeddedRaw?.[i], catalogue);
    // Loops, not spreads: a file can have more findings than a call takes arguments.
    for (const finding of out.findings) findings.push(finding);
    for (const error of out.errors) errors.push(error);
  });
  return { findings, errors };
}
