import { UserError } from '../errors.js';
import type { ScanResult, Verdict } from '../model.js';
import { serializeJsonReport, toJsonReport, type ToolInfo } from './json-report.js';
import { serializeJsonReportChunks } from './json-report-chunks.js';
import { serializeSarif, toSarif } from './sarif.js';
import { renderSummary, type SummaryContext } from './summary-markdown.js';
import { renderText } from './text-report.js';
import { renderWorkflowCommands } from './workflow-commands.js';

/** Output formats the CLI offers. */
export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'github', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Everything any renderer may need; each takes what it uses. */
export interface RenderOptions extends SummaryContext {
  readonly color: boolean;
  readonly tool: ToolInfo;
  /** Text format: show each finding's fix. */
  readonly fix?: boolean;
}

/** A renderer turns a run into the full text of one format, ending with a newline. */
export type Renderer = (result: ScanResult, verdict: Verdict, opts: RenderOptions) => string;

const RENDERERS: Readonly<Record<OutputFormat, Renderer>> = {
  text: (result, verdict, opts) => renderText(result, verdict, { color: opts.color, fix: opts.fix === true }),
  json: (result, verdict, opts) => serializeJsonReport(toJsonReport(result, verdict, opts.tool)),
  sarif: (result, _verdict, opts) => serializeSarif(toSarif(result, opts.catalogue, opts.tool)),
  github: (result) => renderWorkflowCommands(result).map((line) => `${line}\n`).join(''),
  markdown: (result, verdict, opts) => renderSummary(result, verdict, opts),
};

/** Raised for a format name the registry does not know; the message lists the valid ones. */
export class UnknownFormatError extends UserError {
  constructor(readonly format: string) {
    super(`Unknown output format "${format}"; valid formats: ${OUTPUT_FORMATS.join(', ')}`);
  }
}

export function isOutputFormat(name: string): name is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(name);
}

/** The renderer for `format`; throws `UnknownFormatError` for anything else. */
export function getRenderer(format: string): Renderer {
  if (!isOutputFormat(format)) throw new UnknownFormatError(format);
  return RENDERERS[format];
}

/** Renders `result` in `format`; throws `UnknownFormatError` for an unknown format. */
export function renderReport(format: string, result: ScanResult, verdict: Verdict, opts: RenderOptions): string {
  return getRenderer(format)(result, verdict, opts);
}

/**
 * renderReport in pieces, for writing out as they come: the JSON report a batch of findings at a
 * time (see serializeJsonReportChunks), so a big scan's report is never one string; the others whole.
 */
export function renderReportChunks(format: string, result: ScanResult, verdict: Verdict, opts: RenderOptions): Iterable<string> {
  if (format === 'json') return serializeJsonReportChunks(result, verdict, opts.tool);
  return [renderReport(format, result, verdict, opts)];
}
