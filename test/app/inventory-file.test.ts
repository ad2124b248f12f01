import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExternalError } from '../../src/ports/errors.js';
import { MAX_INVENTORY_BYTES, readInventoryText, replaceInventoryText } from '../../src/app/inventory-file.js';
import { UsageError } from '../../src/ports/errors.js';

function tempFile(text: string): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'credledger-write-'));
  const file = path.join(dir, 'credentials.yaml');
  writeFileSync(file, text);
  return { dir, file };
}

describe('replaceInventoryText', () => {
  it('replaces the file, keeps its permissions and leaves no temporary file behind', async () => {
    const { dir, file } = tempFile('version: 1\n');
    chmodSync(file, 0o640);
    await replaceInventoryText(file, 'version: 1\n', 'version: 1\n# edited\n');
    expect(readFileSync(file, 'utf8')).toBe('version: 1\n# edited\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['credentials.yaml']);
  });

  it('writes nothing when the file changed since it was read', async () => {
    const { dir, file } = tempFile('version: 1\n# someone else\n');
    const attempt = replaceInventoryText(file, 'version: 1\n', 'version: 1\n# mine\n');
    await expect(attempt).rejects.toThrow(ExternalError);
    await expect(attempt).rejects.toThrow(/changed while credledger was editing it; nothing was written/);
    expect(readFileSync(file, 'utf8')).toBe('version: 1\n# someone else\n');
    expect(readdirSync(dir)).toEqual(['credentials.yaml']);
  });

  it('keeps a symlinked inventory a symlink, replacing its target', async () => {
    const { dir, file } = tempFile('version: 1\n');
    const link = path.join(dir, 'link.yaml');
    symlinkSync(file, link);
    await replaceInventoryText(link, 'version: 1\n', 'version: 1\n# via link\n');
    expect(readFileSync(file, 'utf8')).toBe('version: 1\n# via link\n');
    expect(readdirSync(dir).sort()).toEqual(['credentials.yaml', 'link.yaml']);
  });
});

// Issue #12 item 13: two edits at once both passed the comparison, and one rotation was lost while both exited 0.
describe('concurrent edits', () => {
  it('lets one of two simultaneous edits land and fails the other loudly', async () => {
    const { dir, file } = tempFile('version: 1\n');
    const results = await Promise.allSettled([
      replaceInventoryText(file, 'version: 1\n', 'version: 1\n# first\n'),
      replaceInventoryText(file, 'version: 1\n', 'version: 1\n# second\n'),
    ]);
    const landed = results.filter((result) => result.status === 'fulfilled');
    const failed = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(landed).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(String(failed[0]?.reason)).toMatch(/changed while credledger was editing it/);
    expect(readFileSync(file, 'utf8')).toMatch(/^version: 1\n# (first|second)\n$/);
    expect(readdirSync(dir)).toEqual(['credentials.yaml']);
  });

  it('takes over a lock left by a process that died long ago', async () => {
    const { file } = tempFile('version: 1\n');
    const lock = `${file}.credledger-lock`;
    writeFileSync(lock, '999999 2020-01-01T00:00:00Z\n');
    utimesSync(lock, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
    await replaceInventoryText(file, 'version: 1\n', 'version: 1\n# after a crash\n');
    expect(readFileSync(file, 'utf8')).toBe('version: 1\n# after a crash\n');
  });
});

// Issue #12 items 10 and 15: bytes that are not UTF-8 were read with replacement characters (and `set` then rewrote
// them), and an inventory of any size was read whole.
describe('readInventoryText', () => {
  it('refuses bytes that are not UTF-8, pointing at line and column', async () => {
    const { file } = tempFile('');
    writeFileSync(file, Buffer.concat([Buffer.from('version: 1\npeople:\n  ren'), Buffer.from([0xe9]), Buffer.from(': { github: rene }\n')]));
    const reading = readInventoryText(file);
    await expect(reading).rejects.toThrow(UsageError);
    await expect(reading).rejects.toThrow(`${file}:3:6: byte 0xe9 is not UTF-8`);
  });

  it.each([
    ['an overlong form', [0xc0, 0xaf]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
    ['a cut sequence', [0xe2, 0x82]],
  ])('refuses %s', async (_, bytes) => {
    const { file } = tempFile('');
    writeFileSync(file, Buffer.concat([Buffer.from('# '), Buffer.from(bytes)]));
    await expect(readInventoryText(file)).rejects.toThrow(/is not UTF-8/);
  });

  it('reads UTF-8 of every length, a BOM included', async () => {
    const text = '\ufeffversion: 1\n# é € 𝄞\n';
    const { file } = tempFile(text);
    expect(await readInventoryText(file)).toBe(text);
  });

  it(`refuses a file over ${MAX_INVENTORY_BYTES} bytes with a clear error`, async () => {
    const { file } = tempFile('');
    writeFileSync(file, Buffer.alloc(MAX_INVENTORY_BYTES + 1, 0x23));
    await expect(readInventoryText(file)).rejects.toThrow(new RegExp(`is ${MAX_INVENTORY_BYTES + 1} bytes; credledger reads inventories up to ${MAX_INVENTORY_BYTES} bytes`));
  });
});
