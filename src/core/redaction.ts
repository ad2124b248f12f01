// Removes known secrets from outward text: whole copies, pieces of 8 or more characters, and the encodings a server or
// a library might echo them in (URL, form, base64, JSON, HTML). Pure: the secrets are handed in.

/** What a removed secret (or a piece of one) reads as. */
export const REDACTION = '[redacted]';

/** Secrets shorter than this are not looked for: they would match ordinary words. */
export const MIN_SECRET_LENGTH = 4;

/** A piece of a secret this long or longer is removed wherever it appears (a truncated or partial echo). */
export const MIN_SECRET_PIECE = 8;

/**
 * A run of at most 15 characters made of lowercase words (joined or edged by `-`, `_` or `.`) is left alone even when a
 * secret contains it: secrets written by people hold words (`password`, `-rotated`, `production`) that outward text
 * uses for its own purposes. Random secrets mix case and digits, so their pieces are still caught.
 */
const WORD_LIKE_RUN = /^(?=.{1,15}$)[-_.]?[a-z]+(?:[-_.][a-z]+)*[-_.]?$/;

function base64Variants(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8');
  const variants: string[] = [];
  // The encoding of a secret inside a longer encoded text depends on where it starts modulo 3; the stable middle of
  // each alignment is what can appear.
  for (let shift = 0; shift < 3; shift += 1) {
    const padded = Buffer.concat([Buffer.alloc(shift), bytes]);
    const encoded = padded.toString('base64').replace(/=+$/, '');
    const lead = shift === 0 ? 0 : Math.ceil((shift * 4) / 3);
    const usableEnd = Math.floor((padded.length * 4) / 3);
    const middle = encoded.slice(lead, usableEnd);
    if (middle.length > 0) variants.push(middle, middle.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return variants;
}

function htmlEscaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
}

/** The forms a secret can take in text: as is, URL and form encoded, JSON-escaped (also ASCII-only), HTML, base64. */
export function encodingsOf(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const asciiJson = json.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const uri = encodeURIComponent(secret);
  const form = new URLSearchParams({ x: secret }).toString().slice(2);
  const variants = [secret, uri, uri.toLowerCase(), form, json, asciiJson, htmlEscaped(secret)];
  // Base64 forms only as pieces of 8+ characters: a shorter fragment would match random text.
  const encoded = base64Variants(secret).filter((variant) => variant.length >= MIN_SECRET_PIECE);
  return [...new Set([...variants.filter((variant) => variant.length >= MIN_SECRET_LENGTH), ...encoded])];
}

interface CompiledSecrets {
  /** Whole forms, longest first, for secrets whose pieces are too short to look for. */
  readonly whole: readonly string[];
  /** Every piece of MIN_SECRET_PIECE characters of every form. */
  readonly pieces: ReadonlySet<string>;
}

/** The secrets of one run, and the redaction of any text against all of them. */
export class SecretRedactor {
  readonly #secrets = new Set<string>();
  #compiled: CompiledSecrets | undefined;

  /** Adds a secret (and, for a multi-line one, each of its lines). Short ones are ignored (see {@link MIN_SECRET_LENGTH}). */
  remember(secret: string): void {
    for (const part of [secret, ...secret.split(/\r?\n/)]) {
      const trimmed = part.trim();
      if (trimmed.length < MIN_SECRET_LENGTH || this.#secrets.has(trimmed)) continue;
      this.#secrets.add(trimmed);
      this.#compiled = undefined;
    }
  }

  /** How many secrets it knows. */
  get size(): number {
    return this.#secrets.size;
  }

  /** The text with every known secret, every piece of 8+ characters of one, and their encodings, replaced by {@link REDACTION}. */
  redact(text: string): string {
    if (this.#secrets.size === 0 || text.length < MIN_SECRET_LENGTH) return text;
    const { whole, pieces } = this.#compile();
    let result = text;
    for (const form of whole) if (result.includes(form)) result = result.split(form).join(REDACTION);
    if (pieces.size === 0 || result.length < MIN_SECRET_PIECE) return result;
    const covered = new Uint8Array(result.length);
    let any = false;
    for (let start = 0; start + MIN_SECRET_PIECE <= result.length; start += 1) {
      if (!pieces.has(result.slice(start, start + MIN_SECRET_PIECE))) continue;
      covered.fill(1, start, start + MIN_SECRET_PIECE);
      any = true;
    }
    if (!any) return result;
    let out = '';
    let index = 0;
    while (index < result.length) {
      if (covered[index] === 0) {
        out += result[index];
        index += 1;
        continue;
      }
      let end = index;
      while (end < result.length && covered[end] === 1) end += 1;
      const run = result.slice(index, end);
      out += WORD_LIKE_RUN.test(run) ? run : REDACTION;
      index = end;
    }
    return out;
  }

  #compile(): CompiledSecrets {
    if (this.#compiled) return this.#compiled;
    const whole = new Set<string>();
    const pieces = new Set<string>();
    for (const secret of this.#secrets) {
      for (const form of encodingsOf(secret)) {
        whole.add(form);
        for (let start = 0; start + MIN_SECRET_PIECE <= form.length; start += 1) pieces.add(form.slice(start, start + MIN_SECRET_PIECE));
      }
    }
    this.#compiled = { whole: [...whole].sort((a, b) => b.length - a.length), pieces };
    return this.#compiled;
  }
}

/** The longest server text credledger quotes in a message; the rest is cut with a note. */
export const MAX_QUOTED_SERVER_TEXT = 300;

/**
 * Text a server sent, made fit to quote in a message: on one line, cut to {@link MAX_QUOTED_SERVER_TEXT} characters and
 * with the run's secrets removed. Every message that carries a server's words builds them through this.
 */
export function quoteServerText(text: string, redactor: Pick<SecretRedactor, 'redact'>): string {
  // Redact before cutting, so the cut cannot split a secret into pieces too short to be recognised.
  const flat = redactor.redact(text).replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
  return flat.length <= MAX_QUOTED_SERVER_TEXT ? flat : `${flat.slice(0, MAX_QUOTED_SERVER_TEXT)}… (cut, ${flat.length} characters)`;
}
