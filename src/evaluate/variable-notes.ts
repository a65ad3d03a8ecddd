import type { InputDocument, VariableSource } from '../parse/input-document.js';

type ComposeDocument = InputDocument & { kind: 'compose' };

/**
 * What a compose finding adds when the value it points at read a variable nothing sets: compose runs
 * that variable as blank (`pid: host${X}` is `host`), and the user must know it is the variable to set,
 * not the text to change. Marks at or under the finding's path count (CPC003 points at the `cap_add`
 * list, a volume finding at `volumes.0` whose long syntax holds `source`), but only below a service's
 * key: a finding on the whole service (no memory limit) is not about them. Empty when none applies.
 */
export function blankVariableNote(document: InputDocument, path: unknown): string {
  if (document.kind !== 'compose' || !document.unresolved) return '';
  const names = marksUnder(document, UNSET, path);
  if (names === undefined) return '';
  const list = [...names.keys()].join(', ');
  const first = [...names.keys()][0] as string;
  return ` (${list} ${names.size === 1 ? 'is' : 'are'} not set, and docker compose runs an unset variable as blank: set ${names.size === 1 ? 'it' : 'them'} in .env or compose-variables, or give a default, e.g. \${${first}:-value})`;
}

/**
 * What a compose finding adds when the value it points at read a variable set in a `.env` file or the
 * configuration: the line the finding is at shows `${PGPASS}`, and the value to change (a password, a
 * `latest` tag) is written elsewhere. Marks count as for blankVariableNote. Empty when none applies.
 */
export function variableSourceNote(document: InputDocument, path: unknown): string {
  if (document.kind !== 'compose' || !document.interpolated) return '';
  const sources = marksUnder(document, SET, path);
  if (sources === undefined) return '';
  const byFile = new Map<string | undefined, VariableSource[]>();
  for (const source of sources.values()) byFile.set(source.file, [...(byFile.get(source.file) ?? []), source]);
  const where = [...byFile].map(([file, set]) => {
    const names = inWords(set.map((s) => s.name));
    if (file === undefined) return `${names}, set in compose-variables`;
    return `${names}, set in ${file} line${set.length === 1 ? '' : 's'} ${inWords(set.map((s) => String(s.line ?? 1)))}`;
  });
  return ` (the value comes from ${where.join('; ')})`;
}

/** `a`, `a and b`, `a, b and c`. */
function inWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The variables of one kind of mark, by name. */
interface MarkKind<T> {
  readonly marks: (document: ComposeDocument) => readonly { readonly path: readonly string[]; readonly variables: readonly T[] }[];
  readonly nameOf: (variable: T) => string;
  readonly indexes: WeakMap<InputDocument, Map<string, Map<string, T>>>;
}

const UNSET: MarkKind<string> = { marks: (d) => d.unresolved ?? [], nameOf: (name) => name, indexes: new WeakMap() };

const SET: MarkKind<VariableSource> = {
  marks: (d) => (d.interpolated ?? []).map(({ path, sources }) => ({ path, variables: sources })),
  nameOf: (source) => source.name,
  indexes: new WeakMap(),
};

/** `services.<name>.<key>`: the shortest path that is about one field of a service rather than all of it. */
const FIELD_PATH = 3;

const SEPARATOR = '\u0000';

function marksUnder<T>(document: ComposeDocument, kind: MarkKind<T>, path: unknown): Map<string, T> | undefined {
  if (!Array.isArray(path) || path.length < FIELD_PATH) return undefined;
  return indexOf(document, kind).get(path.map(String).join(SEPARATOR));
}

/**
 * The variables of the marks at or under each path, for every path a mark lies under, built once per
 * document: a file of thousands of services with variables has as many marks as findings, and looking
 * through every mark for each finding took seconds (5,000 services: +8 s).
 */
function indexOf<T>(document: ComposeDocument, kind: MarkKind<T>): Map<string, Map<string, T>> {
  let index = kind.indexes.get(document);
  if (index !== undefined) return index;
  index = new Map();
  for (const mark of kind.marks(document)) {
    for (let length = FIELD_PATH; length <= mark.path.length; length++) {
      const key = mark.path.slice(0, length).join(SEPARATOR);
      const variables = index.get(key) ?? new Map<string, T>();
      for (const variable of mark.variables) if (!variables.has(kind.nameOf(variable))) variables.set(kind.nameOf(variable), variable);
      index.set(key, variables);
    }
  }
  kind.indexes.set(document, index);
  return index;
}
