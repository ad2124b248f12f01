// Types of the generated standalone validator (scripts/generate-schema-validator.mjs).
import type { ValidateFunction } from 'ajv';

declare const validate: ValidateFunction;
export default validate;
export { validate };
/** The JSON Schema the validator was compiled from (parsed on the first call). */
export declare function compiledFrom(): unknown;
/** The fast road of the `uri` format: strings it matches are URIs by ajv-formats' full pattern too. */
export declare const plainHttpUri: RegExp;
/** ajv-formats' own formats, for tests that hold the fast road to them. */
export declare const ajvFormats: { readonly uri: (text: string) => boolean };
