/**
 * An error the user can fix (bad input, missing permission, truncated file list). Its message is
 * shown as is; anything else that escapes is a bug and is reported with its stack.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/**
 * A readable message for anything thrown. Some libraries (the OPA Wasm SDK among them) throw
 * strings or plain objects rather than Errors.
 */
export function describeError(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === 'string') return thrown;
  if (thrown && typeof thrown === 'object') {
    const message = (thrown as { message?: unknown }).message;
    if (typeof message === 'string') return message;
    try {
      return JSON.stringify(thrown);
    } catch {
      return String(thrown);
    }
  }
  return String(thrown);
}
