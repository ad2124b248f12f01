// The key-id redaction rule: a value a rotation driver declares an identifier (the AWS access key id of a credential
// carrying an aws-iam-access-key rotation), of an access key id's shape, is shown; every other value, the secret
// access key above all, stays redacted for the whole run.
import { describe, expect, it } from 'vitest';
import { AWS_ACCESS_KEY_ID_SHAPE, declaredIdentifiers } from '../../src/core/rotation-identifiers.js';
import { REDACTION } from '../../src/core/redaction.js';
import { declareRunIdentifiers, redactRunSecrets } from '../../src/crypto/run-secrets.js';
import { openSealedValue, sealValue } from '../../src/crypto/sealed-value.js';
import { createTestKey } from '../support/apply-sandbox.js';
import { inventoryFrom } from '../core/rotation-fixtures.js';

const INVENTORY = `version: 1
people:
  dave: { github: dave }
deployments:
  production: { url: https://docs.example.com, auth: { method: none } }
credentials:
  key-id: { setting: aws_access_key_id, kind: api_key, owner: dave, group: aws, rotated: 2026-11-01, rotation: { driver: aws-iam-access-key, user: docuelevate-s3, secret: key-secret } }
  key-secret: { setting: aws_secret_access_key, kind: api_key, owner: dave, group: aws, rotated: 2026-11-01 }
  token: { setting: acme_webhook_token, kind: token, custom: true, owner: dave, rotated: 2026-11-01, rotation: { driver: generated-secret } }
`;

describe('declaredIdentifiers', () => {
  it('declares the key id of an aws-iam-access-key rotation, never its secret, nor a generated secret', () => {
    const declared = declaredIdentifiers(inventoryFrom(INVENTORY));
    expect([...declared.keys()]).toEqual(['key-id']);
    expect(declared.get('key-id')).toBe(AWS_ACCESS_KEY_ID_SHAPE);
  });

  it('accepts only the shape of an access key id', () => {
    for (const id of ['AKIAIOSFODNN7EXAMPLE', 'ASIAY34FZKBOKMUTVV7A']) expect(AWS_ACCESS_KEY_ID_SHAPE.test(id), id).toBe(true);
    for (const text of ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'AKIAIOSFODNN7EXAMPL', 'akiaiosfodnn7example', 'AKIAIOSFODNN7EXAMPLE\n', ' AKIAIOSFODNN7EXAMPLE']) {
      expect(AWS_ACCESS_KEY_ID_SHAPE.test(text), text).toBe(false);
    }
  });
});

describe('values decrypted in a run that declared identifiers', () => {
  const { ring } = createTestKey();
  const seal = (credentialId: string, text: string) => sealValue(ring, { credentialId }, text, 1_780_000_000);
  declareRunIdentifiers(declaredIdentifiers(inventoryFrom(INVENTORY)));

  it('shows the declared key id, old and new alike, and the account prefix they share', () => {
    const oldId = openSealedValue(ring, { credentialId: 'key-id' }, seal('key-id', 'AKIARZPUZDIKMDAQJDEH'));
    expect(oldId.isIdentifier).toBe(true);
    // Still no implicit print of it: only the run's redaction leaves it alone.
    expect(String(oldId)).toBe(REDACTION);
    expect(redactRunSecrets('rotated AKIARZPUZDIKMDAQJDEH → AKIARZPUZDIKHFYIDUKU')).toBe('rotated AKIARZPUZDIKMDAQJDEH → AKIARZPUZDIKHFYIDUKU');
  });

  it('redacts the secret access key, whole and in pieces', () => {
    const secret = openSealedValue(ring, { credentialId: 'key-secret' }, seal('key-secret', 'V6BG5OPe/V1bdaNf/mBuZ9tR9WXXOQ8D2OAf73EN'));
    expect(secret.isIdentifier).toBe(false);
    expect(redactRunSecrets('secret V6BG5OPe/V1bdaNf/mBuZ9tR9WXXOQ8D2OAf73EN, cut bdaNf/mBuZ9tR9')).toBe(`secret ${REDACTION}, cut ${REDACTION}`);
  });

  it('redacts a value of the key-id credential that is not shaped like a key id (a secret pasted into the wrong place)', () => {
    const misplaced = openSealedValue(ring, { credentialId: 'key-id' }, seal('key-id', 'mIsPlAcEd/SeCrEt+aCcEsS/kEy0123456789abcd'));
    expect(misplaced.isIdentifier).toBe(false);
    expect(redactRunSecrets('mIsPlAcEd/SeCrEt+aCcEsS/kEy0123456789abcd')).toBe(REDACTION);
  });

  it('redacts a key-id-shaped value of any credential not declared an identifier', () => {
    const token = openSealedValue(ring, { credentialId: 'token' }, seal('token', 'AKIAQWERTYUIOPASDFGH'));
    expect(token.isIdentifier).toBe(false);
    expect(redactRunSecrets('token AKIAQWERTYUIOPASDFGH')).toBe(`token ${REDACTION}`);
  });
});
