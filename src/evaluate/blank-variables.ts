import type { InputDocument } from '../parse/input-document.js';

/**
 * What a compose finding adds when the value it points at read a variable nothing sets: compose runs
 * that variable as blank (`pid: host${X}` is `host`), and the user must know it is the variable to set,
 * not the text to change. Marks at or under the finding's path count (CPC003 points at the `cap_add`
 * list, a volume finding at `volumes.0` whose long syntax holds `source`), but only below a service's
 * key: a finding on the whole service (no memory limit) is not about them. Empty when none applies.
 */
export function blankVariableNote(document: InputDocument, path: unknown): string {
  if (document.kind !== 'compose' || !document.unresolved || !Array.isArray(path) || path.length < FIELD_PATH) return '';
  const names = marksUnder(document).get(path.map(String).join(SEPARATOR));
  if (names === undefined) return '';
  const list = [...names].join(', ');
  const first = [...names][0] as string;
  return ` (${list} ${names.size === 1 ? 'is' : 'are'} not set, and docker compose runs an unset variable as blank: set ${names.size === 1 ? 'it' : 'them'} in .env or compose-variables, or give a default, e.g. \${${first}:-value})`;
}

/** `services.<name>.<key>`: the shortest path that is about one field of a service rather than all of it. */
const FIELD_PATH = 3;

const SEPARATOR = '\u0000';

const indexes = new WeakMap<InputDocument, Map<string, Set<string>>>();

/**
 * The variables of the marks at or under each path, for every path a mark lies under, built once per
 * document: a file of thousands of services with variables has as many marks as findings, and looking
 * through every mark for each finding took seconds (5,000 services: +8 s).
 */
function marksUnder(document: InputDocument & { kind: 'compose' }): Map<string, Set<string>> {
  let index = indexes.get(document);
  if (index !== undefined) return index;
  index = new Map();
  for (const mark of document.unresolved ?? []) {
    for (let length = FIELD_PATH; length <= mark.path.length; length++) {
      const key = mark.path.slice(0, length).join(SEPARATOR);
      const names = index.get(key) ?? new Set<string>();
      for (const name of mark.variables) names.add(name);
      index.set(key, names);
    }
  }
  indexes.set(document, index);
  return index;
}
