/** Binary multipliers compose uses for byte sizes (`512m` = 512 MiB), as docker/go-units RAMInBytes does. */
const BYTE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** Bytes for a compose size (`1.5g`, `512m`, `100000`), or undefined when it is not one. */
export function toBytes(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?)(?:i?b)?\s*$/i.exec(value) ?? /^\s*(\d+(?:\.\d+)?)\s*(b)\s*$/i.exec(value);
  if (!match) return undefined;
  return Math.trunc(Number(match[1]) * (BYTE_UNITS[(match[2] ?? '').toLowerCase()] ?? 1));
}

const DURATION_UNITS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Nanoseconds for a Go duration (`1m30s`, `500ms`, `10s`), or undefined when it is not one. */
export function toNanoseconds(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value * 1e9 : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '0') return 0;
  const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  for (let match = part.exec(text); match; match = part.exec(text)) {
    total += Number(match[1]) * (DURATION_UNITS[match[2] as string] ?? 0);
    consumed = part.lastIndex;
  }
  return consumed === text.length && consumed > 0 ? Math.round(total) : undefined;
}
