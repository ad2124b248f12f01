// validate --format sarif and status --format sarif: SARIF 2.1.0 by the official schema, stable rule ids and fingerprints, the inventory's path and line.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { findDemoPlaintexts } from '../support/demo-plaintexts.js';
import { copyExample } from '../support/example-copy.js';
import { memoryIo } from '../support/memory-io.js';
import { FIXTURES_DIR } from '../support/paths.js';
import { lineOfPath } from '../support/value-lines.js';

// The official schema is draft-04: ajv reads it as a later draft once `id` is `$id` (it uses no draft-04-only keyword).
const { id, $schema: _draft, ...schema } = JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'sarif/sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv({ strict: false, allErrors: true });
// ajv-formats is CommonJS: its function is the default export under Node, or that export's own `default`.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (instance: Ajv) => Ajv;
addFormats(ajv);
const validateSarif = ajv.compile({ ...schema, $id: String(id) });

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
  partialFingerprints: Record<string, string>;
}
interface Sarif {
  version: string;
  runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: SarifResult[] }[];
}

async function sarifOf(args: readonly string[]): Promise<{ code: number; log: Sarif; text: string }> {
  const io = memoryIo();
  const code = await runCli([...args, '--format', 'sarif', '--now', '2026-11-26'], io.io);
  expect(io.stderr()).toBe('');
  const text = io.stdout();
  const log = JSON.parse(text) as Sarif;
  expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
  return { code, log, text };
}

function brokenCopy() {
  const copy = copyExample();
  const text = copy.original.replace('    owner: carol\n', '    owner: caroll\n');
  writeFileSync(copy.file, text);
  return { ...copy, text };
}

describe('SARIF output', () => {
  it('the schema check is live: a log without runs fails it', () => {
    expect(validateSarif({ version: '2.1.0' })).toBe(false);
    expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: {}, level: 'fatal' }] }] })).toBe(false);
  });

  it('validate: one result per diagnostic, its code as the rule id, at the inventory\'s path, line and column', async () => {
    const copy = brokenCopy();
    const relative = path.relative(process.cwd(), copy.file).split(path.sep).join('/');
    const { code, log, text } = await sarifOf(['validate', '--file', copy.file]);
    expect(code).toBe(1);
    const [run] = log.runs;
    expect(run?.tool.driver.name).toBe('credledger');
    const person = run?.results.find((result) => result.ruleId === 'unknown-person');
    const [line] = lineOfPath(copy.text, ['credentials', 'azure-ai', 'owner']);
    expect(person).toMatchObject({
      level: 'error',
      message: { text: "owner 'caroll' is not listed under 'people'; did you mean 'carol'?" },
      locations: [{ physicalLocation: { artifactLocation: { uri: relative }, region: { startLine: line, startColumn: 12 } } }],
      partialFingerprints: { 'credledgerFinding/v1': 'unknown-person|credentials.azure-ai.owner' },
    });
    expect(run?.results.map((result) => result.ruleId)).toContain('demo-key-value');
    expect(run?.tool.driver.rules.map((rule) => rule.id)).toEqual(['demo-key-value', 'unknown-person']);
    expect(findDemoPlaintexts(text)).toEqual([]);
  });

  it('validate: the fingerprint does not move when lines are added above the finding', async () => {
    const copy = brokenCopy();
    const before = (await sarifOf(['validate', '--file', copy.file])).log.runs[0]?.results.find((result) => result.ruleId === 'unknown-person');
    writeFileSync(copy.file, `# a comment\n# and another\n${copy.text}`);
    const after = (await sarifOf(['validate', '--file', copy.file])).log.runs[0]?.results.find((result) => result.ruleId === 'unknown-person');
    expect(after?.locations[0]?.physicalLocation.region.startLine).toBe((before?.locations[0]?.physicalLocation.region.startLine ?? 0) + 2);
    expect(after?.partialFingerprints).toEqual(before?.partialFingerprints);
  });

  it('validate: a valid inventory with no finding is an empty run', async () => {
    const copy = copyExample();
    // No demo-key warning once no value is left under the demo key.
    writeFileSync(copy.file, copy.original.split('\n').filter((line) => !/^ {4,6}(value|production|staging): fernet:/.test(line) && !/^ {4}values:$/.test(line)).join('\n'));
    const { code, log } = await sarifOf(['validate', '--file', copy.file]);
    expect(code).toBe(0);
    expect(log.runs[0]?.results).toEqual([]);
  });

  it('status: overdue as errors, due soon as warnings, at the credential\'s rotated line, ok rows left out', async () => {
    const copy = copyExample();
    const { code, log, text } = await sarifOf(['status', '--file', copy.file]);
    expect(code).toBe(0);
    const results = log.runs[0]?.results ?? [];
    expect(new Set(results.map((result) => `${result.ruleId} ${result.level}`))).toEqual(new Set(['credential-overdue error', 'credential-due-soon warning']));
    const openai = results.find((result) => result.partialFingerprints['credledgerFinding/v1'] === 'credential-due-soon|openai|production');
    const [line] = lineOfPath(copy.original, ['credentials', 'openai', 'rotated']);
    expect(openai?.locations[0]?.physicalLocation.region.startLine).toBe(line);
    expect(openai?.message.text).toMatch(/^'openai' \(openai_api_key\) on production is due-soon \(due \d{4}-\d{2}-\d{2}\) as of 2026-11-26/);
    expect(results.some((result) => result.message.text.includes('bob left 2026-10-31'))).toBe(true);
    // Plain text, as SARIF's message.text is: no Markdown code spans left for code scanning to show raw.
    expect(results.filter((result) => result.message.text.includes('`'))).toEqual([]);
    expect(findDemoPlaintexts(text)).toEqual([]);
  });
});
