import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUELEVATE_SETTINGS, findSetting } from '../../src/core/docuelevate-catalogue.js';
import { REPO_ROOT } from '../support/paths.js';

// The data file is DocuElevate 0.188.6's reference catalogue, unchanged: test/fixtures/fixtures.test.ts checks
// its checksum against test/fixtures/README.md, which says where it came from.
const catalogueFile = path.join(REPO_ROOT, 'src/core/docuelevate-catalogue.json');

describe('DocuElevate catalogue', () => {
  it('holds the same 60 settings as the reference data file, in order', () => {
    const reference = JSON.parse(readFileSync(catalogueFile, 'utf8')) as {
      settings: { key: string; category: string; type: string; restart_required: boolean; environment_only: boolean; required: boolean }[];
    };
    expect(DOCUELEVATE_SETTINGS).toHaveLength(60);
    expect(DOCUELEVATE_SETTINGS).toEqual(
      reference.settings.map((entry) => ({
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
