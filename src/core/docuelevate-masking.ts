// How DocuElevate masks a sensitive value in its API answers, so a read-back can be compared.

/** What DocuElevate shows for any sensitive value of 8 characters or fewer. */
export const SHORT_VALUE_MASK = '********';

/**
 * Masks a value the way DocuElevate's settings API does: a value longer than 8 characters becomes
 * its first 4 characters followed by one `*` per remaining character; any shorter value becomes
 * `********`. Lengths count Unicode code points, as Python's `len` does, not UTF-16 units.
 */
export function maskSensitiveValue(value: string): string {
  const codePoints = Array.from(value);
  if (codePoints.length <= 8) {
    return SHORT_VALUE_MASK;
  }
  return codePoints.slice(0, 4).join('') + '*'.repeat(codePoints.length - 4);
}
