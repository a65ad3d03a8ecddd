import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

/**
 * How the configuration schema is compiled. `verbose` puts each failing keyword's schema on the
 * error (the messages list an object's allowed keys from it); `allErrors` reports every problem at once.
 */
const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true } as const;

/**
 * ajv's own helpers that its generated code calls, and the functions of ours that stand in for them:
 * the generated module must not depend on ajv at run time (it is a build-time tool here).
 */
const RUNTIME_STAND_INS: Readonly<Record<string, { name: string; source: string }>> = {
  'ajv/dist/runtime/equal': {
    name: 'equalJson',
    source: `/** Deep equality of JSON values (uniqueItems); NaN equals NaN, as in the generated code's usual helper. */
function equalJson(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && equalJson(a[key], b[key]));
}`,
  },
  'ajv/dist/runtime/ucs2length': {
    name: 'codePointLength',
    source: `/** A string's length in code points, as JSON Schema counts it (minLength): a surrogate pair is one. */
function codePointLength(text) {
  let length = 0;
  for (const _ of text) length++;
  return length;
}`,
  },
};

/**
 * The source of src/config/config-schema-validator.generated.ts: the configuration schema compiled
 * by ajv into a standalone validation function, so a run pays neither for loading ajv nor for
 * compiling the schema (tens of milliseconds of every cold start).
 */
export function configValidatorSource(schema: object): string {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true, lines: true } });
  // A CommonJS module seen from an ES module: its `default` property is the function itself.
  let code = standaloneCode.default(ajv, ajv.compile(schema));
  const used: string[] = [];
  code = code.replace(/require\("([^"]+)"\)\.default/g, (_: string, module: string) => {
    const standIn = RUNTIME_STAND_INS[module];
    if (!standIn) throw new Error(`The generated validator needs ${module}, which has no stand-in in scripts/lib/config-validator-source.ts.`);
    if (!used.includes(module)) used.push(module);
    return standIn.name;
  });
  if (/\brequire\(/.test(code)) throw new Error('The generated validator still calls require().');
  return [
    '/* eslint-disable */',
    '// @ts-nocheck',
    '// Generated from schema/container-policy.schema.json by `npm run config:validator`',
    '// (scripts/generate-config-validator.mjs, ajv standalone code). Do not edit.',
    code.replace(/^"use strict";/, ''),
    ...used.sort().map((module) => (RUNTIME_STAND_INS[module] as { source: string }).source),
    '',
  ].join('\n');
}
