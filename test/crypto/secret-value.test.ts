import { format, inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { redactRunSecrets } from '../../src/crypto/run-secrets.js';
import { SecretValue } from '../../src/crypto/secret-value.js';
import { fixturePlaintexts } from './fernet-fixtures.js';

describe('SecretValue', () => {
  const plaintext = 'sk-proj-plaintext-that-must-not-leak';
  const secret = new SecretValue(plaintext);

  it('redacts every implicit conversion', () => {
    const printed = [
      String(secret),
      `${secret}`,
      'value: ' + secret,
      secret.toString(),
      JSON.stringify(secret),
      JSON.stringify({ nested: { secret } }),
      inspect(secret),
      inspect({ nested: [secret] }, { depth: 10, showHidden: true }),
      format('%s %o %O %j', secret, secret, secret, secret),
      new Error(`failed to push ${secret}`).message,
      String(new Error('wrapped', { cause: secret }).cause),
      Object.keys(secret).join(','),
      JSON.stringify({ ...secret }),
    ];
    for (const text of printed) expect(text).not.toContain(plaintext);
    expect(String(secret)).toBe('[redacted]');
    expect(JSON.stringify(secret)).toBe('"[redacted]"');
    expect(inspect(secret)).toBe('[redacted]');
    expect(secret.valueOf()).toBe('[redacted]');
  });

  it('gives the plaintext only through reveal()', () => {
    expect(secret.reveal()).toBe(plaintext);
  });

  it('redacts every fixture plaintext', () => {
    for (const text of fixturePlaintexts) {
      const value = new SecretValue(text);
      for (const printed of [String(value), JSON.stringify(value), inspect(value), `${value}`]) expect(printed).not.toContain(text);
    }
  });

  it('counts length in code points, as Python does', () => {
    expect(new SecretValue('𝄞é').length).toBe(2);
    expect(new SecretValue('').length).toBe(0);
  });

  it.each([
    ['', ''],
    ['a', '********'],
    ['12345678', '********'],
    ['123456789', '1234*****'],
    ['sk-proj-abcdef', 'sk-p**********'],
    ['𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞', '𝄞𝄞𝄞𝄞*****'],
  ])('masks %j like DocuElevate: %j', (value, masked) => {
    expect(new SecretValue(value).maskedLikeDocuElevate()).toBe(masked);
  });

  it('compares values', () => {
    expect(secret.equals(new SecretValue(plaintext))).toBe(true);
    expect(secret.equals(new SecretValue(`${plaintext}x`))).toBe(false);
    expect(secret.equals(new SecretValue(''))).toBe(false);
    expect(new SecretValue('').equals(new SecretValue(''))).toBe(true);
  });

  it('decodes UTF-8 strictly and keeps a byte-order mark', () => {
    expect(SecretValue.fromUtf8(Buffer.from('\uFEFFbom', 'utf8')).reveal()).toBe('\uFEFFbom');
    expect(() => SecretValue.fromUtf8(Buffer.from([0x66, 0xff]))).toThrow(TypeError);
  });

  it('adds every value to the run\'s redaction, except an identifier its issuer shows (an AWS access key id)', () => {
    new SecretValue('wJalrXUtnFEMI/K7MDENG/bPxRfiCYsecretkey');
    const keyId = SecretValue.identifier('AKIAIOSFODNN7EXAMPLE');
    expect(redactRunSecrets('secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYsecretkey')).toBe('secret [redacted]');
    expect(redactRunSecrets('old AKIAIOSFODNN7EXAMPLE')).toBe('old AKIAIOSFODNN7EXAMPLE');
    expect(String(keyId)).toBe('[redacted]');
    expect(keyId.reveal()).toBe('AKIAIOSFODNN7EXAMPLE');
  });
});
