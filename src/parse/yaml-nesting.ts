import { CST, Lexer } from 'yaml';

/**
 * The deepest nesting accepted in a YAML file. Compose files nest a handful of levels (services → name
 * → healthcheck → test → item is five; the deepest of the 1,542 YAML files of the real-world corpus
 * counts 10 here, block and flow levels together). The yaml library recurses once per level: 2 MiB
 * of `[` (a million levels) cost it about 21 s and 1.3 GiB before it ran out of stack, and a few
 * thousand block levels overflow its stack too. 64 is six times the deepest real file and keeps the
 * library far from both.
 */
export const MAX_YAML_DEPTH = 64;

/** Where a file first nests deeper than the limit. */
export interface NestingExcess {
  readonly line: number;
  readonly depth: number;
}

/**
 * A linear pre-scan of YAML text for its nesting depth, run before the parser: open flow collections
 * plus the levels of block indentation (each deeper indent, each `- ` or `? ` of a compact entry) on
 * the way to each token. It reads the yaml library's lexer, a flat state machine, so quotes, comments,
 * plain and block scalars are told apart exactly as the parser will (brackets inside them do not
 * count), and stops at the first line past `limit`. Returns that line, or undefined.
 */
export function findExcessNesting(text: string, limit = MAX_YAML_DEPTH): NestingExcess | undefined {
  const gauge = nestingGauge(limit);
  for (const token of new Lexer().lex(text)) {
    const excess = gauge(token);
    if (excess) return excess;
  }
  return undefined;
}

/**
 * The scan of findExcessNesting one lexer token at a time, for a reader that lexes once and hands each
 * token to the parser only after the gauge has accepted it: the parser then never sees more than
 * `limit` levels, and the text is not lexed a second time. Returns the excess at the first token past
 * `limit`, undefined until then.
 */
export function nestingGauge(limit = MAX_YAML_DEPTH): (token: string) => NestingExcess | undefined {
  const indents: number[] = []; // columns of the open block levels, strictly increasing
  let flow = 0; // open flow collections
  let line = 1;
  let column = 0;
  let lineStart = true; // no content yet on this line
  let scalarNext = false; // the lexer marks the token after \x1f as a scalar's source
  return (token) => {
    // The lexer's mode markers (document, scalar, flow error) are not in the text.
    if (token === '\x02' || token === '\x18') return undefined;
    if (token === '\x1f') {
      scalarNext = true;
      return undefined;
    }
    const at = column;
    const newline = token.lastIndexOf('\n');
    if (newline < 0) column += token.length;
    else {
      for (let i = token.indexOf('\n'); i >= 0; i = token.indexOf('\n', i + 1)) line++;
      column = token.length - newline - 1;
    }
    if (scalarNext) {
      scalarNext = false;
      if (lineStart && flow === 0 && openBlockLevel(indents, at) > limit) return { line, depth: indents.length };
      lineStart = newline >= 0; // a block scalar's text ends with its line
      return undefined;
    }
    const kind = CST.tokenType(token);
    if (kind === 'newline' || newline >= 0) {
      lineStart = true;
      return undefined;
    }
    if (kind === 'space' || kind === 'comment' || kind === 'byte-order-mark') return undefined;
    if (lineStart && flow === 0 && openBlockLevel(indents, at) > limit) return { line, depth: indents.length };
    lineStart = false;
    if (kind === 'flow-seq-start' || kind === 'flow-map-start') {
      if (indents.length + ++flow > limit) return { line, depth: indents.length + flow };
    } else if ((kind === 'flow-seq-end' || kind === 'flow-map-end') && flow > 0) {
      flow--;
    } else if ((kind === 'seq-item-ind' || kind === 'explicit-key-ind') && flow === 0) {
      // A compact entry (`- - x`, or `a: - x`, invalid but still descended into) opens a level on this line.
      indents.push((indents[indents.length - 1] ?? -1) + 1 > at + 1 ? (indents[indents.length - 1] as number) + 1 : at + 1);
      if (indents.length > limit) return { line, depth: indents.length };
    }
    return undefined;
  };
}

/** The first content of a line in block context at `column`: closes deeper levels, opens its own. */
function openBlockLevel(indents: number[], column: number): number {
  while (indents.length > 0 && (indents[indents.length - 1] as number) > column) indents.pop();
  if (indents.length === 0 || (indents[indents.length - 1] as number) < column) indents.push(column);
  return indents.length;
}
