import { MAX_YAML_CONTENT_TOKENS, contentTokenGauge } from './yaml-content-tokens.js';
import { MAX_YAML_DEPTH, nestingGauge } from './yaml-nesting.js';

/** Where a YAML text crossed one of the bounds below, and what to tell its author. */
export interface YamlBoundCrossed {
  readonly line: number;
  readonly message: string;
}

/**
 * The bounds every compose text is held to before the yaml library builds anything from it (it spends
 * seconds and gigabytes on thousands of levels or hundreds of thousands of nodes before it gives up):
 * nesting depth, then content tokens, checked one lexer token at a time, so that a reader can hand each
 * token on only once it is accepted. Returns the first bound crossed, undefined until then.
 */
export function yamlBoundsGauge(): (token: string) => YamlBoundCrossed | undefined {
  const nesting = nestingGauge(MAX_YAML_DEPTH);
  const content = contentTokenGauge(MAX_YAML_CONTENT_TOKENS);
  return (token) => {
    const deep = nesting(token);
    if (deep) {
      return { line: deep.line, message: `the YAML nests too deeply: past ${MAX_YAML_DEPTH} levels on this line. Compose files nest a few levels; flatten it.` };
    }
    const pastLimit = content(token);
    if (pastLimit === undefined) return undefined;
    return {
      line: pastLimit,
      message: `the YAML is too large to read: past ${MAX_YAML_CONTENT_TOKENS} values, keys and indicators (brackets, commas, \`-\`, \`:\`, anchors, tags) on this line, where the largest compose files hold a few thousand. Split it into smaller files, or exclude it from the scan if it is not a compose file.`,
    };
  };
}
