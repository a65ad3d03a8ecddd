import { CST } from 'yaml';

/**
 * The most content tokens accepted in a YAML file: scalars, aliases, anchors, tags, brackets, commas,
 * `-`, `?` and `:` indicators, document markers — everything but spaces, line breaks and comments.
 * Each becomes at least one node of the parser's tree, or a property or entry on one. The largest of
 * the 1,432 YAML files of the real-world corpus holds 3,575, and the 2,000-service file of the scaling
 * benchmark 58,002; 200,000 is more than three times that. A 2 MiB file can hold two million (`[,,,…]`),
 * and the yaml library spends microseconds and up to a kilobyte on each before any limit on the built
 * data can apply: 700,000 `[]` cost it 6 s and 1 GiB, two million commas 34 s and 2 GiB.
 */
export const MAX_YAML_CONTENT_TOKENS = 200_000;

/**
 * Counts the content tokens of YAML text one lexer token at a time, for a reader that hands each token
 * to the parser only after the count has accepted it: the parser then never holds more than `limit`.
 * Returns the line of the first token past `limit`, undefined until then.
 */
export function contentTokenGauge(limit = MAX_YAML_CONTENT_TOKENS): (token: string) => number | undefined {
  let count = 0;
  let line = 1;
  let scalarNext = false; // the lexer marks the token after \x1f as a scalar's source, whatever it starts with
  return (token) => {
    const at = line;
    for (let i = token.indexOf('\n'); i >= 0; i = token.indexOf('\n', i + 1)) line++;
    if (token === '\x1f') {
      scalarNext = true;
      return undefined;
    }
    if (scalarNext) scalarNext = false;
    else if (token === '\x02' || token === '\x18' || isLayout(CST.tokenType(token))) return undefined; // mode markers are not in the text
    return ++count > limit ? at : undefined;
  };
}

function isLayout(kind: ReturnType<typeof CST.tokenType>): boolean {
  return kind === 'space' || kind === 'newline' || kind === 'comment' || kind === 'byte-order-mark';
}
