import { UserError } from '../errors.js';

/** Splits a list input written one per line or comma-separated; blank entries are dropped. */
export function parseList(raw: string): string[] {
  return raw
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** One of a fixed set of values, or a UserError naming the setting, the bad value and the valid ones. */
export function parseChoice<T extends string>(name: string, raw: string, allowed: readonly T[], fallback: T): T {
  const value = raw.trim();
  if (value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`Invalid ${name}: "${value}". Valid values: ${allowed.join(', ')}.`);
}

/** A positive whole number of bytes, optionally with a binary suffix (`512k`, `2m`). */
export function parseByteSize(name: string, raw: string, fallback: number): number {
  const value = raw.trim().toLowerCase();
  if (value === '') return fallback;
  const match = /^(\d+)\s*([kmg]?)i?b?$/.exec(value);
  if (!match) throw new UserError(`Invalid ${name}: "${raw}". Give a number of bytes, e.g. 2097152 or 2m.`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2] as '' | 'k' | 'm' | 'g'];
  const bytes = Number(match[1]) * unit;
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new UserError(`Invalid ${name}: "${raw}" must be a positive size.`);
  return bytes;
}
