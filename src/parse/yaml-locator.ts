import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { LineRange, NodePath } from './parsed-file.js';

type Located = { readonly range: LineRange; readonly node: unknown };

/**
 * Builds `locate` for a parsed YAML document. A mapping key's range runs from the key's line to the last
 * line of its value (trailing blank lines and comments excluded); a sequence index gives the item's range;
 * a path that runs past what exists gives the nearest existing ancestor. Stepping through an alias or a
 * `<<` merge key continues where the value is written (the anchor); a key written in the mapping itself
 * wins over a merged one, and earlier merge sources over later ones, as when the data is built.
 * `text` must be the source the document was parsed from.
 */
export function createYamlLocator(
  doc: Document.Parsed,
  lineCounter: LineCounter,
  text: string,
): (path: NodePath) => LineRange | undefined {
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line;

  /** The range from `start` to the last non-whitespace character before `end`. */
  const span = (start: number, end: number): LineRange => {
    let last = end;
    while (last > start && /\s/.test(text[last - 1] ?? '')) last--;
    return { startLine: lineOf(start), endLine: lineOf(Math.max(start, last - 1)) };
  };

  const rangeOfNode = (node: unknown): LineRange | undefined => {
    const range = (node as Node | null)?.range;
    return range ? span(range[0], range[1]) : undefined;
  };

  const rangeOfPair = (pair: Pair): LineRange | undefined => {
    const keyRange = (pair.key as Node | null)?.range;
    const valueRange = (pair.value as Node | null)?.range;
    const start = keyRange?.[0] ?? valueRange?.[0];
    const end = valueRange?.[1] ?? keyRange?.[1];
    return start === undefined || end === undefined ? undefined : span(start, end);
  };

  const deref = (node: unknown): unknown => {
    const seen = new Set<unknown>();
    let current = node;
    while (isAlias(current) && !seen.has(current)) {
      seen.add(current);
      current = current.resolve(doc);
    }
    return current;
  };

  const isMergeKey = (pair: Pair): boolean => {
    const range = (pair.key as Node | null)?.range;
    return isScalar(pair.key) && range !== undefined && range !== null && text.slice(range[0], range[1]) === '<<';
  };

  const childOf = (parent: unknown, step: string | number, seen: Set<unknown>): Located | undefined => {
    const node = deref(parent);
    if (seen.has(node)) return undefined;
    seen.add(node);
    if (isSeq(node)) {
      const index = typeof step === 'number' ? step : /^\d+$/.test(step) ? Number(step) : -1;
      const item: unknown = node.items[index];
      const range = rangeOfNode(item);
      return range ? { range, node: item } : undefined;
    }
    if (!isMap(node)) return undefined;
    const pairs = node.items.filter(isPair);
    const own = pairs.find((p) => !isMergeKey(p) && isScalar(p.key) && String(p.key.value) === String(step));
    if (own) {
      const range = rangeOfPair(own);
      return range ? { range, node: own.value } : undefined;
    }
    for (const merge of pairs.filter(isMergeKey)) {
      const source = deref(merge.value);
      const sources: unknown[] = isSeq(source) ? source.items : [source];
      for (const from of sources) {
        const found = childOf(from, step, seen);
        if (found) return found;
      }
    }
    return undefined;
  };

  return (path) => {
    let range = rangeOfNode(doc.contents);
    let node: unknown = doc.contents;
    for (const step of path) {
      const found = childOf(node, step, new Set());
      if (!found) break;
      range = found.range;
      node = found.node;
    }
    return range;
  };
}
