#!/usr/bin/env node
// Writes src/config/config-schema-validator.generated.ts, the configuration schema compiled ahead of
// time (ajv standalone code). Run it after changing schema/container-policy.schema.json; a test fails
// while the committed file is stale. Runs under tsx: `npm run config:validator`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configValidatorSource } from './lib/config-validator-source.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const schema = JSON.parse(readFileSync(join(root, 'schema', 'container-policy.schema.json'), 'utf8'));
const out = join(root, 'src', 'config', 'config-schema-validator.generated.ts');
writeFileSync(out, configValidatorSource(schema));
console.log(`wrote ${out}`);
