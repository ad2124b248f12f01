// Floor C: the least any tool can do to check an inventory: js-yaml's load (core schema, so dates stay strings)
// and the same precompiled schema validator credledger uses. bench/run.mjs runs it as a whole cold process beside
// credledger, so the ratio between the two says what credledger's own work costs, whatever the machine.
import { readFileSync } from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';
import validateInventoryData from '../src/core/generated/inventory-schema-validator.js';

const file = process.argv[2];
if (!file) throw new Error('usage: node bench/floor-c.mjs FILE');
const data = load(readFileSync(file, 'utf8'), { schema: CORE_SCHEMA, filename: file });
const valid = validateInventoryData(data);
process.stdout.write(`${file}: ${valid ? 'valid' : `invalid (${validateInventoryData.errors?.length ?? 0} schema errors)`}\n`);
