/**
 * What the main thread and the worker threads that check files say to each other. Everything here crosses
 * threads by structured clone, so it is plain data (a WebAssembly.Module and a SharedArrayBuffer are
 * the two exceptions structured clone shares rather than copies).
 */
import type { ConfigFile } from '../config/config-file.js';
import type { ReadScope } from '../discover/read-scope-fs.js';
import type { CompiledPolicyBundle } from '../evaluate/policy-engine.js';
import type { CheckError, TargetFile } from '../model.js';
import type { DockerfileDocument } from '../parse/input-document.js';
import type { WireCheckedFile } from './wire-findings.js';

/** Given to each worker as its workerData, or, to a worker started before it was known, in a SetupMessage. */
export interface WorkerSetup {
  /** The configured built-in policy, compiled once on the main thread. */
  readonly policy: CompiledPolicyBundle;
  /**
   * Two Int32s the worker keeps up to date (see markProgress): the id of the file it is on and how far
   * it got (see STAGE). When the worker dies or hangs, the main thread reads which file it stopped on
   * (its answers for earlier files may still be on their way, behind the thread's error, or lost with
   * it) and whether that file failed to parse or to evaluate.
   */
  readonly progress: SharedArrayBuffer;
  /**
   * When the configuration is all that refines findings (no custom or daemon policy, which read the
   * whole input document): the worker applies it and answers with the file's final findings. Without
   * it, the worker answers with the document and the raw results, and the main thread finishes the file.
   */
  readonly configuration?: ConfigFile;
  /** Values for compose `${VAR}` interpolation (the configuration's `compose-variables`). */
  readonly composeVariables?: Readonly<Record<string, string>>;
  /**
   * The scan's reader as data: the worker builds the same reader and reads the files a compose file
   * depends on itself. Without it, it asks the main thread for each (a `read` message).
   */
  readonly readScope?: ReadScope;
}

/**
 * The workerData of a worker started before its setup was known (see prestart-workers.ts): it loads its
 * code, then waits for a SetupMessage, the first message it is sent.
 */
export interface AwaitingSetup {
  readonly awaitSetup: true;
}

/** A started worker's setup, sent before any other message. */
export interface SetupMessage {
  readonly type: 'setup';
  readonly setup: WorkerSetup;
}

/** How far a worker got with the file it is on. */
export const STAGE = { parse: 0, evaluate: 1 } as const;

/** Where in WorkerSetup.progress each value is. */
export const PROGRESS = { stage: 0, file: 1, length: 2 } as const;

/** Records that the worker is at `stage` of the file with id `file`. */
export function markProgress(progress: Int32Array, file: number, stage: (typeof STAGE)[keyof typeof STAGE]): void {
  Atomics.store(progress, PROGRESS.file, file);
  Atomics.store(progress, PROGRESS.stage, stage);
}

/**
 * One file to check, and its bytes as read. A Dockerfile, or (given the configuration) a compose file
 * on its own, whose related files (`.env`, `extends`, `include`) the worker asks the main thread for.
 */
export interface CheckRequest {
  readonly type: 'check';
  readonly id: number;
  readonly file: TargetFile;
  readonly bytes: Uint8Array;
}

/** The main thread's answer to a worker's `read`: the file's bytes, or the reader's error in words (and its code, e.g. ENOENT). */
export type ReadAnswer =
  | { readonly type: 'read'; readonly read: number; readonly bytes: Uint8Array }
  | { readonly type: 'read'; readonly read: number; readonly error: { readonly message: string; readonly code?: string } };

export type MainMessage = CheckRequest | ReadAnswer;

/**
 * A file checked by a worker: its final findings (when the worker was given the configuration),
 * or its document (the main thread rebuilds the ParsedFile from it for toFindings and the refiner)
 * and the engine's raw results; or why it could not be checked.
 */
export type WorkerOutcome =
  | { readonly checked: WireCheckedFile }
  | { readonly document: DockerfileDocument; readonly raw: unknown }
  | { readonly error: CheckError };

export type WorkerReply =
  /** The engine is loaded: from now on, a stopped worker stopped on a file, not on its own start. */
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly id: number; readonly outcome: WorkerOutcome }
  /** A file the one being checked depends on, read through the main thread's guarded reader. */
  | { readonly type: 'read'; readonly read: number; readonly path: string };
