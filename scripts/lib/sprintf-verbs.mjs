// The sprintf verbs a compiled (Wasm) policy can format. The SDK formats with sprintf-js; OPA's
// interpreter, which runs the Rego tests, knows Go's verbs as well: a `%q` passes every test, then
// fails the whole evaluation of any file that reaches it in the action.
export const WASM_SPRINTF_VERBS = new Set('bcdefgijostTuvxX');

const SPRINTF_FORMAT = /sprintf\(\s*(?:"((?:[^"\\\n]|\\.)*)"|`([^`]*)`)/g;
const VERB = /%(?:%|(?:[1-9]\d*\$|\([^)]+\))?\+?(?:0|'.)?-?\d*(?:\.\d+)?(.))/g;

/** Each verb of a literal sprintf format in `rego` that the Wasm runtime cannot format: its line and the verb as written. */
export function refusedSprintfVerbs(rego) {
  const refused = [];
  for (const format of rego.matchAll(SPRINTF_FORMAT)) {
    for (const verb of (format[1] ?? format[2]).matchAll(VERB)) {
      if (verb[1] !== undefined && !WASM_SPRINTF_VERBS.has(verb[1])) {
        refused.push({ line: rego.slice(0, format.index).split('\n').length, verb: verb[0] });
      }
    }
  }
  return refused;
}
