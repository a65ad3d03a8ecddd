import type { ComposeServicePath } from '../parse/input-document.js';

/** A value compose would refuse when creating the container, at its data path. */
export class SynthesisError extends Error {
  constructor(
    readonly path: ComposeServicePath,
    message: string,
  ) {
    super(message);
  }
}
