import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUOTED_SERVER_TEXT, quoteServerText, REDACTION, SecretRedactor } from '../../src/core/redaction.js';

const SECRET = 'sk-Live/9f+Qz"é&x=1 hunter2';

function redactorOf(...secrets: string[]): SecretRedactor {
  const redactor = new SecretRedactor();
  for (const secret of secrets) redactor.remember(secret);
  return redactor;
}

describe('SecretRedactor', () => {
  const redactor = redactorOf(SECRET);
  it.each([
    ['whole', `detail: ${SECRET}!`],
    ['cut at the end', `detail: ${SECRET.slice(0, 10)}`],
    ['cut at the start', `detail: ${SECRET.slice(-9)}`],
    ['URL-encoded', `/login?error=${encodeURIComponent(SECRET)}`],
    ['form-encoded', `password=${new URLSearchParams({ p: SECRET }).toString().slice(2)}&csrf=1`],
    ['JSON-escaped', JSON.stringify({ value: SECRET })],
    ['JSON-escaped as ASCII', JSON.stringify({ value: SECRET }).replace('é', '\\u00e9')],
    ['base64', `Basic ${Buffer.from(`admin:${SECRET}`).toString('base64')}`],
    ['base64url at another offset', Buffer.from(`xy${SECRET}`).toString('base64url')],
    ['HTML-escaped', `<input value="${SECRET.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`],
  ])('removes it %s', (_, text) => {
    const redacted = redactor.redact(text);
    expect(redacted).toContain(REDACTION);
    expect(redacted).not.toContain(SECRET.slice(3, 11));
    expect(redacted).not.toContain(encodeURIComponent(SECRET).slice(3, 11));
    expect(redacted).not.toContain(Buffer.from(SECRET).toString('base64').slice(4, 12));
  });

  it('leaves text without secrets alone, and words a secret happens to contain', () => {
    const words = redactorOf('e2e-admin-login-password-0000');
    expect(words.redact('admin_password was written')).toBe('admin_password was written');
    expect(words.redact('the password e2e-admin-login-passw')).toBe(`the password ${REDACTION}`);
  });

  it('ignores secrets too short to tell from ordinary text', () => {
    expect(redactorOf('abc').redact('abc abc')).toBe('abc abc');
    expect(redactorOf('abcd').redact('x abcd y')).toBe(`x ${REDACTION} y`);
  });

  it('removes every 8+ character piece of any secret (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 40, unit: 'grapheme' }), fc.nat(), fc.nat(), fc.string({ maxLength: 20 }), (secret, a, b, around) => {
        fc.pre(!/^[a-z_]+$/.test(secret) && secret.trim() === secret);
        const start = a % (secret.length - 7);
        const end = start + 8 + (b % (secret.length - start - 7));
        const piece = secret.slice(start, end);
        fc.pre(piece.length >= 8 && !/^(?=.{1,15}$)[-_.]?[a-z]+(?:[-_.][a-z]+)*[-_.]?$/.test(piece));
        const redacted = redactorOf(secret).redact(`${around}${piece}${around}`);
        expect(redacted).not.toContain(piece);
      }),
      { numRuns: 300 },
    );
  });
});

describe('quoteServerText', () => {
  it('puts it on one line, cuts it, and redacts before cutting', () => {
    const redactor = redactorOf(SECRET);
    const long = `a\r\nb ${'x'.repeat(400)} ${SECRET}`;
    const quoted = quoteServerText(long, redactor);
    expect(quoted.startsWith('a b x')).toBe(true);
    expect(quoted).toContain('(cut,');
    expect(quoted.length).toBeLessThan(MAX_QUOTED_SERVER_TEXT + 40);
    const nearCut = `${'y'.repeat(MAX_QUOTED_SERVER_TEXT - 4)}${SECRET}`;
    expect(quoteServerText(nearCut, redactor)).not.toContain(SECRET.slice(0, 4));
  });
});
