/**
 * What the main thread and the Dockerfile worker threads say to each other. Everything here crosses
 * threads by structured clone, so it is plain data (a WebAssembly.Module and a SharedArrayBuffer are
 * the two exceptions structured clone shares rather than copies).
 */
import type { CompiledPolicyBundle } from '../evaluate/policy-engine.js';
import type { CheckError } from '../model.js';
import type { DockerfileDocument } from '../parse/input-document.js';

/** Given to each worker as its workerData. */
export interface WorkerSetup {
  /** The configured built-in policy, compiled once on the main thread. */
  readonly policy: CompiledPolicyBundle;
  /**
   * One Int32 the worker sets to the stage of the file it is on (see STAGE), so that when the worker
   * dies or hangs the main thread can say whether the file failed to parse or to evaluate.
   */
  readonly stage: SharedArrayBuffer;
}

/** Values of WorkerSetup.stage. */
export const STAGE = { parse: 0, evaluate: 1 } as const;

/** One Dockerfile to check: its workspace-relative path and its bytes as read. */
export interface CheckRequest {
  readonly id: number;
  readonly path: string;
  readonly bytes: Uint8Array;
}

/**
 * A Dockerfile checked by a worker: its document (the main thread rebuilds the ParsedFile from it for
 * toFindings and the configuration's refiner) and the engine's raw results; or why it could not be.
 */
export type WorkerOutcome = { readonly document: DockerfileDocument; readonly raw: unknown } | { readonly error: CheckError };

export type WorkerReply =
  /** The engine is loaded: from now on, a stopped worker stopped on a file, not on its own start. */
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly id: number; readonly outcome: WorkerOutcome };
