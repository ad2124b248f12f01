// How key text is cut into keys: the one reading shared by the key ring and the CLI's redaction of key variables.

/**
 * The entries of key text: keys separated by commas (the `CREDLEDGER_KEY` form) or by lines (a key file, where `#`
 * starts a comment; base64url never contains one), without surrounding whitespace. Comments are no keys: a key file
 * pasted whole into CREDLEDGER_KEY must not make its words ("inventory", "credledger") secrets to redact.
 */
export function keyEntriesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, ''))
    .flatMap((line) => line.split(','))
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}
