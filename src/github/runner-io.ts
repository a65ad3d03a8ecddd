import { randomUUID } from 'node:crypto';
import { appendFileSync, constants, existsSync } from 'node:fs';
import { access, appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';
import { escapeData, escapeProperty } from '../report/workflow-commands.js';

// The few runner interactions the action makes (inputs, log lines, workflow and file commands), in
// the exact formats of @actions/core. Not that package itself: importing it loads its HTTP client
// (for OIDC tokens) and with it undici, about a third of the bundle, which every start compiled and
// initialised for nothing.

/** An input's value (`INPUT_<NAME>`, spaces as `_`), trimmed; empty when unset. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}

/** A line in the step's log. */
export function info(message: string): void {
  process.stdout.write(message + EOL);
}

/** A notice annotation on the run (no file or line). */
export function notice(message: string): void {
  process.stdout.write(`::notice::${escapeData(message)}${EOL}`);
}

/** Fails the step: exit status 1 and the message as an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  process.stdout.write(`::error::${escapeData(message)}${EOL}`);
}

/**
 * Sets a step output: appended to the runner's GITHUB_OUTPUT file between a random delimiter (so a
 * value cannot forge another output), or the legacy `set-output` command on a runner without it.
 */
export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT || '';
  if (!file) {
    process.stdout.write(EOL);
    process.stdout.write(`::set-output name=${escapeProperty(name)}::${escapeData(value)}${EOL}`);
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`Unexpected input: the output ${name} contains the delimiter "${delimiter}"`);
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' });
}

/** Appends markdown to the job summary (the runner's GITHUB_STEP_SUMMARY file), which must exist and be writable. */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
  try {
    await access(file, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`);
  }
  await appendFile(file, markdown, { encoding: 'utf8' });
}
