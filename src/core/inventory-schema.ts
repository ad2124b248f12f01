// JSON Schema validation of the inventory's plain data (ajv, draft 2020-12), turned into findings with paths.
import type { ErrorObject } from 'ajv';
import { errorAt, type DocumentPath, type Finding } from './diagnostics.js';
// Compiled from the schema at build time (scripts/generate-schema-validator.mjs), so no run pays for compiling it.
import validateInventoryData, { compiledFrom } from './generated/inventory-schema-validator.js';
import { describeSuggestion } from './suggestions.js';

/** Validates plain data against the inventory schema; every violation becomes a finding. */
export function checkInventorySchema(data: unknown): Finding[] {
  if (validateInventoryData(data)) return [];
  return dropRedundantErrors(validateInventoryData.errors ?? []).map(toFinding);
}

// A `oneOf` failure repeats what its branch already said; an unknown auth method is already an `enum` error.
function dropRedundantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    if (error.keyword === 'oneOf' || error.keyword === 'discriminator') return false;
    const signature = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(signature)) return false;
    seen.add(signature);
    return true;
  });
}

function parsePointer(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

const FRIENDLY_PATTERNS: Record<string, string> = {
  '#/$defs/date/pattern': 'must be a date written YYYY-MM-DD',
  '#/$defs/duration/pattern': 'must be a duration in days or weeks, such as 90d or 12w',
  '#/$defs/identifier/pattern': "must be a name of letters, digits, '.', '_' and '-' (at most 64 characters)",
  '#/$defs/envName/pattern': 'must be the name of an environment variable (letters, digits and _)',
};

function toFinding(error: ErrorObject): Finding {
  const path: DocumentPath = parsePointer(error.instancePath);
  const where = path.length === 0 ? 'the file' : `\`${String(path[path.length - 1])}\``;
  switch (error.keyword) {
    case 'required':
      return errorAt('schema-required', path, `${where} is missing the required property \`${String(error.params.missingProperty)}\``);
    case 'additionalProperties': {
      const property = String(error.params.additionalProperty);
      const hint = describeSuggestion(property, knownPropertiesAt(error.schemaPath));
      return errorAt('schema-unknown-property', [...path, property], `unknown property \`${property}\` in ${where}${hint}`, true);
    }
    case 'propertyNames':
      return errorAt('schema-name', [...path, String(error.params.propertyName)], `\`${String(error.params.propertyName)}\` is not a valid name: ${FRIENDLY_PATTERNS['#/$defs/identifier/pattern']}`, true);
    case 'enum':
      return errorAt('schema-enum', path, `${where} must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}`);
    case 'const':
      return errorAt('schema-const', path, `${where} must be ${JSON.stringify(error.params.allowedValue)}`);
    case 'pattern': {
      const friendly = Object.entries(FRIENDLY_PATTERNS).find(([suffix]) => error.schemaPath.endsWith(suffix.slice(1)))?.[1];
      return errorAt('schema-format', path, `${where} ${friendly ?? `must match ${String(error.params.pattern)}`}`);
    }
    case 'format':
      return errorAt('schema-format', path, `${where} must be a valid ${String(error.params.format)}`);
    case 'type':
      return errorAt('schema-type', path, `${where} must be ${article(String(error.params.type))}`);
    case 'uniqueItems':
      return errorAt('schema-duplicate-item', path, `${where} lists the same entry twice (items ${String(error.params.j)} and ${String(error.params.i)})`);
    default:
      return errorAt(`schema-${error.keyword}`, path, `${where} ${error.message ?? 'is invalid'}`);
  }
}

/**
 * The property names the schema allows where an `additionalProperties` error was raised: the `properties`
 * of the schema object that holds the failing keyword (its schemaPath minus the keyword).
 */
function knownPropertiesAt(schemaPath: string): string[] {
  let node: unknown = compiledFrom();
  for (const segment of parsePointer(schemaPath.replace(/^#/, '')).slice(0, -1)) {
    if (node === null || typeof node !== 'object') return [];
    node = (node as Record<string | number, unknown>)[segment];
  }
  const properties = node !== null && typeof node === 'object' ? (node as { properties?: unknown }).properties : undefined;
  return properties !== null && typeof properties === 'object' ? Object.keys(properties) : [];
}

function article(type: string): string {
  const name = type === 'object' ? 'a mapping' : type === 'array' ? 'a list' : `a ${type}`;
  return name;
}
