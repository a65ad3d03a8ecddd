import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import { ParseError } from '../parse-error.js';
import { spanLines, type SourceRange, type Tree } from './tree.js';

/**
 * Builds the located tree of a parsed YAML document: aliases expanded (each copy keeps the lines of the
 * anchor it came from), `<<` merge keys applied (keys written in the mapping win, then earlier merge
 * sources over later ones, as YAML's merge-key spec says), and every entry located from its key's line
 * to the end of its value. `anchors` holds the node each alias stands for (an alias missing from it reads
 * as null). `maxNodes` bounds the expansion; the caller has already refused alias bombs.
 */
export function toTree(path: string, doc: Document.Parsed, anchors: ReadonlyMap<Alias, Node>, lineCounter: LineCounter, text: string, maxNodes: number): Tree {
  let budget = maxNodes;
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line;
  const span = (start: number, end: number): SourceRange => spanLines(path, text, start, end, lineOf);
  const rangeOf = (node: unknown, fallback: SourceRange): SourceRange => {
    const range = (node as Node | null)?.range;
    return range ? span(range[0], range[1]) : fallback;
  };
  const pairRange = (pair: Pair, fallback: SourceRange): SourceRange => {
    const start = (pair.key as Node | null)?.range?.[0] ?? (pair.value as Node | null)?.range?.[0];
    const end = (pair.value as Node | null)?.range?.[1] ?? (pair.key as Node | null)?.range?.[1];
    return start === undefined || end === undefined ? fallback : span(start, end);
  };
  const isMergeKey = (pair: Pair): boolean =>
    isScalar(pair.key) && pair.key.type === 'PLAIN' && (typeof pair.key.value === 'symbol' || pair.key.value === '<<');

  const build = (raw: unknown, loc: SourceRange, depth: number): Tree => {
    if (--budget < 0 || depth > 1000) {
      throw new ParseError(path, loc.startLine, `the YAML expands to more than ${maxNodes} values once aliases are resolved. Reduce the use of anchors and aliases.`);
    }
    const node = isAlias(raw) ? anchors.get(raw) : raw;
    const tag = (node as Node | null)?.tag;
    const tagged = tag === '!reset' || tag === '!override' ? { tag } : {};
    if (isMap(node)) {
      const entries = new Map<string, Tree>();
      const merged: Tree[] = [];
      for (const pair of node.items.filter(isPair)) {
        if (isMergeKey(pair)) {
          const source = isAlias(pair.value) ? anchors.get(pair.value) : pair.value;
          const sources: unknown[] = isSeq(source) ? source.items : [source];
          for (const from of sources) merged.push(build(from, rangeOf(from, loc), depth + 1));
          continue;
        }
        const key = keyText(pair.key);
        entries.set(key, build(pair.value, pairRange(pair, loc), depth + 1));
      }
      for (const from of merged) {
        if (from.kind !== 'map') {
          throw new ParseError(path, from.loc.startLine, 'a `<<` merge key must refer to a mapping (or a list of mappings).');
        }
        for (const [key, value] of from.entries) if (!entries.has(key)) entries.set(key, value);
      }
      return { kind: 'map', entries, loc, ...tagged };
    }
    if (isSeq(node)) {
      return { kind: 'seq', items: node.items.map((item) => build(item, rangeOf(item, loc), depth + 1)), loc, ...tagged };
    }
    if (isScalar(node)) {
      let value = node.value as unknown;
      // An unknown tag (`!reset null`) leaves the source text; read it as YAML would without the tag.
      if (tagged.tag !== undefined && (value === 'null' || value === '' || value === '~')) value = null;
      if (typeof value === 'bigint') value = Number(value);
      if (value instanceof Date || (typeof value === 'object' && value !== null)) value = String(node.source ?? value);
      return { kind: 'scalar', value: value as string | number | boolean | null, loc, ...tagged };
    }
    return { kind: 'scalar', value: null, loc, ...tagged };
  };

  const rootRange = rangeOf(doc.contents, { path, startLine: 1, endLine: 1 });
  return build(doc.contents, rootRange, 0);
}

function keyText(key: unknown): string {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return key === null || key === undefined ? '' : String(key);
}
