import type { ComposeServicePath } from '../parse/input-document.js';

/** A path into a create request body: object keys and array indices, e.g. `["HostConfig", "Binds", 0]`. */
export type BodyPath = readonly (string | number)[];

/** One compose value (a key, or one item of a list) and the body fields it produced. */
export interface SourceUnit {
  /** The data path in the compose model, which `ParsedFile.locate` turns into a file and lines. */
  readonly compose: ComposeServicePath;
  /** The body fields it set; an array index or map key when it added one entry. */
  readonly fields: readonly BodyPath[];
}

type Json = Record<string, unknown>;

/**
 * Builds a request body while recording which compose value set each field, and what a field holds
 * when that compose value is absent, so a field can later be put back to "not written" to see
 * whether a policy's decision depended on it.
 */
export class BodyBuilder {
  readonly body: Json = {};
  private readonly units = new Map<string, { compose: ComposeServicePath; fields: BodyPath[] }>();
  private readonly neutral = new Map<string, unknown>();

  /** Sets a field; `absent` is its value when the compose key is not written (undefined: left out). */
  set(field: BodyPath, value: unknown, from: ComposeServicePath | null, absent?: unknown): void {
    if (value === undefined) return;
    assign(this.body, field, value);
    if (from) this.record(from, field);
    if (absent !== undefined) this.neutral.set(JSON.stringify(field), absent);
  }

  /** Appends to the array at `field`, recording the element's index. */
  append(field: BodyPath, value: unknown, from: ComposeServicePath | null): void {
    const list = (lookup(this.body, field) as unknown[] | undefined) ?? [];
    if (list.length === 0) assign(this.body, field, list);
    list.push(value);
    if (from) this.record(from, [...field, list.length - 1]);
  }

  /** Sets one key of the object at `field`, recording the key. */
  entry(field: BodyPath, key: string, value: unknown, from: ComposeServicePath | null): void {
    const map = (lookup(this.body, field) as Json | undefined) ?? {};
    if (Object.keys(map).length === 0) assign(this.body, field, map);
    map[key] = value;
    if (from) this.record(from, [...field, key]);
  }

  /** Every compose value that set something, in the order first written. */
  sources(): SourceUnit[] {
    return [...this.units.values()];
  }

  /** The value a field takes when its compose key is not written, or undefined to remove it. */
  absentValue(field: BodyPath): unknown {
    return this.neutral.get(JSON.stringify(field));
  }

  private record(from: ComposeServicePath, field: BodyPath): void {
    const key = JSON.stringify(from);
    const unit = this.units.get(key) ?? { compose: from, fields: [] };
    unit.fields.push(field);
    this.units.set(key, unit);
  }
}

/** The value at a path, or undefined. */
export function lookup(root: unknown, path: BodyPath): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function assign(root: Json, path: BodyPath, value: unknown): void {
  let node: Record<string | number, unknown> = root;
  for (const segment of path.slice(0, -1)) {
    if (typeof node[segment] !== 'object' || node[segment] === null) node[segment] = {};
    node = node[segment] as Record<string | number, unknown>;
  }
  node[path[path.length - 1] as string | number] = value;
}

/**
 * A copy of `body` as if the compose values in `units` were not written: array entries and map keys
 * they added are removed, and fields they set go back to their absent value (or are removed).
 */
export function withoutSources(body: Json, units: readonly SourceUnit[], absentValue: (field: BodyPath) => unknown): Json {
  const copy = structuredClone(body);
  const fields = units.flatMap((u) => u.fields);
  // Highest index first, so removing one array element does not shift another still to be removed.
  const ordered = [...fields].sort((a, b) => {
    const x = a[a.length - 1];
    const y = b[b.length - 1];
    return typeof x === 'number' && typeof y === 'number' ? y - x : 0;
  });
  const emptied = new Set<string>();
  for (const field of ordered) {
    const parentPath = field.slice(0, -1);
    const parent = lookup(copy, parentPath) as Record<string | number, unknown> | unknown[] | undefined;
    const last = field[field.length - 1] as string | number;
    if (typeof parent !== 'object' || parent === null) continue;
    if (Array.isArray(parent) && typeof last === 'number') {
      parent.splice(last, 1);
      if (parent.length === 0) emptied.add(JSON.stringify(parentPath));
      continue;
    }
    const absent = absentValue(field);
    const record = parent as Record<string | number, unknown>;
    if (absent === undefined) delete record[last];
    else record[last] = structuredClone(absent);
    if (absent === undefined && parentPath.length > 1 && Object.keys(record).length === 0) emptied.add(JSON.stringify(parentPath));
  }
  // An emptied list or map is left out, as the builder leaves out one that was never filled.
  for (const key of emptied) {
    const path = JSON.parse(key) as BodyPath;
    const parent = lookup(copy, path.slice(0, -1)) as Record<string | number, unknown> | undefined;
    const value = parent?.[path[path.length - 1] as string | number];
    if (parent && (Array.isArray(value) ? value.length === 0 : typeof value === 'object' && value !== null && Object.keys(value).length === 0)) {
      delete parent[path[path.length - 1] as string | number];
    }
  }
  return copy;
}
