/**
 * A Windows path from a drive (`C:\app`, `C:/app`): absolute to docker compose on every platform, so
 * it is never joined to a compose file's directory, whatever system reads the file.
 */
export function isWindowsAbsolute(path: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(path);
}
