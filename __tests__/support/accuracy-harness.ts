/**
 * The accuracy harness (scripts/accuracy.mjs, a plain script) with the types the tests rely on, so
 * each accuracy test imports typed functions instead of casting at every call.
 */
// @ts-expect-error: a plain .mjs script with no type declarations
import * as harness from '../../scripts/accuracy.mjs';

/** One labelled sample's outcome: did our rule agree with the label, and if not, the recorded reason. */
export interface SampleResult {
  readonly label: string;
  readonly ok: boolean;
  readonly fired: boolean;
  readonly file: string;
  readonly reason: string | null;
}

export interface Figures {
  readonly samples: number;
  readonly recall: number;
  readonly precision: number;
  readonly lines: number;
}

/** Runs the labelled samples of the given platforms through the bundled CLI; null when they are absent. */
export const measure = harness.measure as (platforms?: string[]) => { results: SampleResult[]; unmapped: string[] } | null;
/** Recall, precision and line agreement of a set of results, in percent. */
export const score = harness.score as (results: SampleResult[]) => Figures;
/** The results left once the reviewed disagreements are set aside. */
export const agreed = harness.agreed as (results: SampleResult[]) => SampleResult[];
/** For each line of a Dockerfile, the line its instruction starts on. */
export const instructionStarts = harness.instructionStarts as (text: string) => number[];
