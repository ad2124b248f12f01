import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DOCUELEVATE_SETTINGS, findSetting } from '../../src/core/docuelevate-catalogue.js';

// The shared reference copy beside the repository (../shared) is the source of truth for the data file.
// A git worktree kept elsewhere has no ../shared beside it; CREDLEDGER_SHARED_DIR points at it instead.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sharedDir = process.env['CREDLEDGER_SHARED_DIR'] ?? path.resolve(repoRoot, '../shared');
const sharedCatalogueUrl = path.join(sharedDir, 'docuelevate', 'settings-catalogue.json');

describe('DocuElevate catalogue', () => {
  it('holds the same 60 settings as the shared reference, in order', () => {
    const shared = JSON.parse(readFileSync(sharedCatalogueUrl, 'utf8')) as {
      settings: { key: string; category: string; type: string; restart_required: boolean; environment_only: boolean; required: boolean }[];
    };
    expect(DOCUELEVATE_SETTINGS).toHaveLength(60);
    expect(DOCUELEVATE_SETTINGS).toEqual(
      shared.settings.map((entry) => ({
        key: entry.key,
        category: entry.category,
        type: entry.type,
        restartRequired: entry.restart_required,
        environmentOnly: entry.environment_only,
        required: entry.required,
      })),
    );
  });

  it('finds settings by exact key', () => {
    expect(findSetting('openai_api_key')).toMatchObject({ category: 'AI Services', restartRequired: false });
    expect(findSetting('session_secret_previous')?.environmentOnly).toBe(true);
    expect(findSetting('session_secret')).toMatchObject({ required: true, restartRequired: true });
    expect(findSetting('OPENAI_API_KEY')).toBeUndefined();
    expect(findSetting('openai_model')).toBeUndefined();
  });

  it('cannot be modified by callers', () => {
    expect(Object.isFrozen(DOCUELEVATE_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DOCUELEVATE_SETTINGS[0])).toBe(true);
  });
});
