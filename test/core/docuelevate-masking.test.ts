import { describe, expect, it } from 'vitest';
import { maskSensitiveValue } from '../../src/core/docuelevate-masking.js';

describe('maskSensitiveValue', () => {
  it.each([
    ['sk-proj-abcdef', 'sk-p**********'],
    ['123456789', '1234*****'],
    ['12345678', '********'],
    ['abc', '********'],
    ['', '********'],
    // Python counts code points: an emoji is one character, not two UTF-16 units.
    ['🔑🔑🔑🔑🔑🔑🔑🔑🔑', '🔑🔑🔑🔑*****'],
    ['🔑🔑🔑🔑🔑', '********'],
  ])('masks %j as %j', (value, masked) => {
    expect(maskSensitiveValue(value)).toBe(masked);
  });
});
