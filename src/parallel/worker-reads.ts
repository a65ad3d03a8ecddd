/**
 * The worker's side of reading a file a compose file depends on: a `read` message to the main thread,
 * which reads it with the scan's guarded reader (the same limits and checks as every other file) and
 * answers with the bytes or the error, rebuilt here with its message and code so that the compose
 * loader tells a missing file from a refused one exactly as on the main thread.
 */
import type { ReadAnswer, WorkerReply } from './messages.js';

export interface WorkerReads {
  readFile(path: string): Promise<Uint8Array>;
  /** Settles the read the main thread answered. */
  answer(message: ReadAnswer): void;
}

export function workerReads(post: (reply: WorkerReply) => void): WorkerReads {
  const waiting = new Map<number, { resolve(bytes: Uint8Array): void; reject(error: Error): void }>();
  let next = 0;
  return {
    readFile(path) {
      return new Promise((resolve, reject) => {
        const read = next++;
        waiting.set(read, { resolve, reject });
        post({ type: 'read', read, path });
      });
    },
    answer(message) {
      const reader = waiting.get(message.read);
      if (reader === undefined) throw new Error(`The main thread answered read #${message.read}, which no file asked for (a bug).`);
      waiting.delete(message.read);
      if ('bytes' in message) reader.resolve(message.bytes);
      else reader.reject(Object.assign(new Error(message.error.message), message.error.code === undefined ? {} : { code: message.error.code }));
    },
  };
}
