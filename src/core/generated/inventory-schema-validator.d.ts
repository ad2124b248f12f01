// Types of the generated standalone validator (scripts/generate-schema-validator.mjs).
import type { ValidateFunction } from 'ajv';

declare const validate: ValidateFunction;
export default validate;
export { validate };
/** The JSON Schema the validator was compiled from. */
export declare const compiledFrom: unknown;
