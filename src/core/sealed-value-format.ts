// The text form of an encrypted inventory value, `fernet:<key id>:<token>`, recognised without any key.

const SEALED_VALUE_PATTERN = /^fernet:([0-9a-f]{8}):([A-Za-z0-9_-]{20,}={0,2})$/;

/** The parts of an encrypted value: the id of the master key it was sealed under and the Fernet token. */
export interface SealedValueParts {
  readonly keyId: string;
  readonly token: string;
}

/** Splits `fernet:<key id>:<token>`; undefined when the text is not in that form. */
export function parseSealedValueText(text: string): SealedValueParts | undefined {
  const match = SEALED_VALUE_PATTERN.exec(text);
  return match ? { keyId: match[1] as string, token: match[2] as string } : undefined;
}

const PLAINTEXT_HINTS: readonly [RegExp, string][] = [
  [/^sk-/, 'an OpenAI-style API key'],
  [/^(AKIA|ASIA)[A-Z0-9]{12,}/, 'an AWS access key id'],
  [/^gh[pousr]_/, 'a GitHub token'],
  [/^xox[abposr]-/, 'a Slack token'],
  [/^-----BEGIN /, 'a PEM key or certificate'],
  [/^enc:/, "a DocuElevate database value (enc:…), encrypted under the deployment's SESSION_SECRET, not credledger's key"],
  [/^\s*\{/, 'a JSON document'],
];

/** A short description of what a plaintext value looks like, never the value itself. */
export function describePlaintext(text: string): string | undefined {
  return PLAINTEXT_HINTS.find(([pattern]) => pattern.test(text))?.[1];
}
