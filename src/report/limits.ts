/**
 * GitHub's limits on what a step may report, in one place. Renderers apply them and say in their
 * output when something was cut; nothing else in the code base should hard-code these numbers.
 */

/** Job summary: at most 1 MiB per step, or GitHub drops the whole summary (docs, "Adding a job summary"). */
export const JOB_SUMMARY_MAX_BYTES = 1_048_576;

/**
 * What the summary renderer allows itself: 1 MiB less a ~47 KiB margin, so that other lines the
 * same step appends (the action's own notes) cannot push the summary over the limit.
 */
export const SUMMARY_BYTE_BUDGET = 1_000_000;

/** Workflow-command annotations: GitHub shows at most 10 per level (error, warning, notice) per step. */
export const ANNOTATIONS_PER_LEVEL_PER_STEP = 10;

/** Error annotation slots left free for the step's own failure message (`core.setFailed` writes one). */
export const ERROR_ANNOTATIONS_RESERVED = 1;

/** Notice annotation slots left free for the "Annotations cut" notice, which comes after the run's own notices. */
export const NOTICE_ANNOTATIONS_RESERVED = 1;

/** Checks API: an annotation title is at most 255 characters; the same cap keeps both paths alike. */
export const ANNOTATION_TITLE_MAX_CHARS = 255;

/** Checks API: an annotation message is at most 64 KB; applied to workflow commands as well. */
export const ANNOTATION_MESSAGE_MAX_BYTES = 65_536;

/** Checks API: at most 50 annotations per create or update request; more take further updates (docs, "Update a check run"). */
export const CHECK_RUN_ANNOTATIONS_PER_REQUEST = 50;

/** Checks API: `output.summary` and `output.text` take at most 65,535 characters each. */
export const CHECK_RUN_OUTPUT_MAX_CHARS = 65_535;

/** SARIF for code scanning: at most 20 tags per rule; GitHub ignores the rest (docs, "SARIF support"). */
export const SARIF_TAGS_PER_RULE = 20;

/** SARIF for code scanning: `fullDescription.text` is cut at 1,024 characters. */
export const SARIF_FULL_DESCRIPTION_MAX_CHARS = 1_024;

/**
 * SARIF for code scanning: GitHub rejects the whole upload when a run holds more than 25,000
 * results or 25,000 rules (docs, "SARIF results exceed one or more limits"). The log has one run
 * and one location per result, well inside the limits of 20 runs per file and 1,000 locations.
 */
export const SARIF_RESULTS_PER_RUN = 25_000;

/** SARIF for code scanning: at most 25,000 rules per run, or the upload is rejected (same page). */
export const SARIF_RULES_PER_RUN = 25_000;
