import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExternalError } from '../../src/ports/errors.js';
import { replaceInventoryText } from '../../src/app/inventory-file.js';

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
