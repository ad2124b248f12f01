// Request validation that answers like FastAPI with pydantic v2: a 422 with a list of issues under `detail`.

/** One FastAPI validation issue. Like FastAPI, `input` echoes what was sent, so clients must not print it. */
export interface ValidationIssue {
  readonly type: string;
  readonly loc: readonly (string | number)[];
  readonly msg: string;
  readonly input: unknown;
  readonly ctx?: Readonly<Record<string, unknown>>;
}

/** The body as FastAPI hands it to validation: parsed JSON, raw text, or absent. */
export type ParsedBody =
  | { readonly kind: 'absent' }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'invalid'; readonly issues: readonly ValidationIssue[] };

/**
 * Reads a request body the way FastAPI does for a JSON body parameter: parsed as JSON when there is
 * no content type or an `application/json` / `application/*+json` one, otherwise left as text
 * (which then fails model validation). Malformed JSON is a `json_invalid` issue.
 */
export function parseJsonRequestBody(raw: Buffer, contentType: string | undefined): ParsedBody {
  if (raw.length === 0) {
    return { kind: 'absent' };
  }
  const text = raw.toString('utf8');
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const isJson = mediaType === '' || mediaType === 'application/json' || /^application\/[^/]*\+json$/.test(mediaType);
  if (!isJson) {
    return { kind: 'text', value: text };
  }
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '');
    return {
      kind: 'invalid',
      issues: [
        {
          type: 'json_invalid',
          loc: ['body', position ? Number(position[1]) : 0],
          msg: 'JSON decode error',
          input: {},
          ctx: { error: 'Expecting value' },
        },
      ],
    };
  }
}

/** A string field of a pydantic body model: required, or optional with a `None` default. */
export interface StringFieldSpec {
  readonly name: string;
  readonly required: boolean;
}

/** The outcome of validating a body against a model of string fields. */
export type ModelValidation =
  | { readonly ok: true; readonly fields: Readonly<Record<string, string | null>> }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/**
 * Validates a body against a pydantic model whose fields are `str` (required) or `Optional[str]`
 * (default `None`); unknown fields are ignored as pydantic does by default.
 */
export function validateStringModel(body: ParsedBody, fields: readonly StringFieldSpec[]): ModelValidation {
  if (body.kind === 'invalid') {
    return { ok: false, issues: body.issues };
  }
  if (body.kind === 'absent') {
    return { ok: false, issues: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] };
  }
  const input = body.value;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      issues: [
        {
          type: 'model_attributes_type',
          loc: ['body'],
          msg: 'Input should be a valid dictionary or object to extract fields from',
          input,
        },
      ],
    };
  }
  const record = input as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  const values: Record<string, string | null> = {};
  for (const field of fields) {
    const present = Object.hasOwn(record, field.name);
    const value = record[field.name];
    if (!present) {
      if (field.required) {
        issues.push({ type: 'missing', loc: ['body', field.name], msg: 'Field required', input: record });
      } else {
        values[field.name] = null;
      }
    } else if (typeof value === 'string' || (value === null && !field.required)) {
      values[field.name] = value;
    } else {
      issues.push({ type: 'string_type', loc: ['body', field.name], msg: 'Input should be a valid string', input: value });
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, fields: values };
}

/** The outcome of reading an `int` path or query parameter. */
export type IntegerParameter =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly issue: ValidationIssue };

/** Reads an `int` parameter as pydantic does in lax mode (decimal digits with an optional sign). */
export function parseIntegerParameter(text: string, loc: readonly (string | number)[]): IntegerParameter {
  const trimmed = text.trim();
  if (/^[+-]?\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed))) {
    return { ok: true, value: Number(trimmed) };
  }
  return {
    ok: false,
    issue: {
      type: 'int_parsing',
      loc,
      msg: 'Input should be a valid integer, unable to parse string as an integer',
      input: text,
    },
  };
}
