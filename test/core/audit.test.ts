import { describe, expect, it } from 'vitest';
import {
  assessAuditReport,
  auditDeployment,
  auditInventory,
  auditMeetsThreshold,
  type AuditFinding,
  type AuditReport,
  type CredentialListingEntry,
  type DeploymentListing,
} from '../../src/core/audit.js';
import { renderAuditMarkdown, renderAuditText } from '../../src/core/render-audit.js';
import { inventoryFrom, inventoryText } from '../support/inventory-text.js';

const SEALED = 'fernet:0123abcd:gAAAAABpVmNsb3VkLXRva2VuLXRoYXQtaXMtbG9uZy1lbm91Z2g=';

// production: openai pushed (value), azure tracked without a value, admin pushed to production only,
// webdav tracked on staging only, a custom setting on both.
const INVENTORY = inventoryFrom(
  inventoryText(`  openai:
    setting: openai_api_key
    kind: api_key
    owner: alice
    value: ${SEALED}
  azure:
    setting: azure_ai_key
    kind: api_key
    owner: alice
    deployments: [production]
  admin:
    setting: admin_password
    kind: admin_password
    owner: alice
    values: { production: ${SEALED} }
    deployments: [production]
  webdav:
    setting: webdav_password
    kind: password
    owner: alice
    deployments: [staging]
  custom:
    setting: my_custom_token
    kind: token
    owner: alice
    custom: true
    value: ${SEALED}
`),
);

/** A credential list as DocuElevate gives it: every listed key, with the given sources and the rest unconfigured. */
function listing(sources: Readonly<Record<string, 'db' | 'env'>>, extraKeys: readonly string[] = []): CredentialListingEntry[] {
  const keys = ['openai_api_key', 'azure_ai_key', 'admin_password', 'webdav_password', 'dropbox_app_secret', ...extraKeys];
  return keys.map((key) => ({ key, source: sources[key] ?? null }));
}

function kindsOf(findings: readonly AuditFinding[]): string[] {
  return findings.map((finding) => `${finding.kind} ${finding.setting}`);
}

describe('auditDeployment', () => {
  it('finds nothing when DocuElevate holds exactly what the inventory implies', () => {
    const audit = auditDeployment(INVENTORY, 'production', listing({ openai_api_key: 'db', azure_ai_key: 'env', admin_password: 'db' }));
    expect(audit.findings).toEqual([]);
    expect(audit.counts).toEqual({ listed: 5, configured: 3, tracked: 4, matching: 3 });
    expect(audit.unchecked).toEqual([{ setting: 'my_custom_token', credential: 'custom' }]);
  });

  it.each([
    ['untracked from the database', { dropbox_app_secret: 'db' }, 'untracked dropbox_app_secret', 'error'],
    ['untracked from the environment', { dropbox_app_secret: 'env' }, 'untracked dropbox_app_secret', 'error'],
    ['a pushed value missing', { azure_ai_key: 'env', admin_password: 'db' }, 'not-configured openai_api_key', 'warning'],
    ['a value-less credential missing from the environment', { openai_api_key: 'db', admin_password: 'db' }, 'not-configured azure_ai_key', 'warning'],
    ['a pushed value taken from the environment', { openai_api_key: 'env', azure_ai_key: 'env', admin_password: 'db' }, 'from-env openai_api_key', 'warning'],
    ['a database value the inventory has none for', { openai_api_key: 'db', azure_ai_key: 'db', admin_password: 'db' }, 'db-unmanaged azure_ai_key', 'warning'],
  ] as const)('%s', (_name, sources, expected, severity) => {
    const base: Record<string, 'db' | 'env'> = { openai_api_key: 'db', azure_ai_key: 'env', admin_password: 'db' };
    const given = expected.startsWith('untracked') ? { ...base, ...sources } : sources;
    const audit = auditDeployment(INVENTORY, 'production', listing(given));
    expect(kindsOf(audit.findings)).toEqual([expected]);
    expect(audit.findings[0]?.severity).toBe(severity);
  });

  it('says which finding is which, with the source, the credential and whether the inventory holds a value', () => {
    const audit = auditDeployment(INVENTORY, 'production', listing({ openai_api_key: 'env', azure_ai_key: 'db', dropbox_app_secret: 'env' }));
    expect(audit.findings).toEqual([
      {
        kind: 'untracked',
        severity: 'error',
        deployment: 'production',
        setting: 'dropbox_app_secret',
        credential: null,
        inventoryValue: null,
        source: 'env',
        message: "dropbox_app_secret has a value in DocuElevate's environment on production, and no inventory credential covers it there",
      },
      {
        kind: 'not-configured',
        severity: 'warning',
        deployment: 'production',
        setting: 'admin_password',
        credential: 'admin',
        inventoryValue: true,
        source: null,
        message: 'credential admin pushes a value for admin_password to production, but DocuElevate has none, neither in its database nor in its environment',
      },
      {
        kind: 'from-env',
        severity: 'warning',
        deployment: 'production',
        setting: 'openai_api_key',
        credential: 'openai',
        inventoryValue: true,
        source: 'env',
        message:
          "credential openai pushes a value for openai_api_key to production, but DocuElevate takes it from its environment (no database value): the inventory's value is not in effect",
      },
      {
        kind: 'db-unmanaged',
        severity: 'warning',
        deployment: 'production',
        setting: 'azure_ai_key',
        credential: 'azure',
        inventoryValue: false,
        source: 'db',
        message:
          'credential azure holds no value for azure_ai_key on production, but DocuElevate has one in its database (set through its UI or API), which shadows any environment variable',
      },
    ]);
  });

  it('points at a credential that covers an untracked setting on other deployments', () => {
    const audit = auditDeployment(INVENTORY, 'production', listing({ openai_api_key: 'db', azure_ai_key: 'env', admin_password: 'db', webdav_password: 'db' }));
    expect(audit.findings).toHaveLength(1);
    expect(audit.findings[0]).toMatchObject({ kind: 'untracked', setting: 'webdav_password', coveredElsewhereBy: ['webdav'] });
    expect(audit.findings[0]?.message).toMatch(/credential webdav \(staging\) covers it elsewhere: is production missing from its deployments\?$/);
  });

  it('only counts the credentials that cover the deployment', () => {
    // On staging only openai (every deployment) and webdav are tracked; admin and azure are untracked there.
    const audit = auditDeployment(INVENTORY, 'staging', listing({ openai_api_key: 'db', webdav_password: 'env', admin_password: 'db' }));
    expect(kindsOf(audit.findings)).toEqual(['untracked admin_password']);
    expect(audit.findings[0]?.coveredElsewhereBy).toEqual(['admin']);
    expect(audit.counts).toMatchObject({ tracked: 3, matching: 2 });
  });

  it('sorts by kind, then setting', () => {
    const audit = auditDeployment(INVENTORY, 'production', listing({ dropbox_app_secret: 'db', webdav_password: 'env' }, ['aws_secret_access_key']));
    expect(kindsOf(audit.findings)).toEqual([
      'untracked dropbox_app_secret',
      'untracked webdav_password',
      'not-configured admin_password',
      'not-configured azure_ai_key',
      'not-configured openai_api_key',
    ]);
  });
});

function reportWith(listings: Readonly<Record<string, DeploymentListing>>): AuditReport {
  return auditInventory(INVENTORY, Object.keys(listings), new Map(Object.entries(listings)));
}

describe('auditInventory and the thresholds', () => {
  const clean = { sources: listing({ openai_api_key: 'db', azure_ai_key: 'env', admin_password: 'db' }) };
  const drifted = { sources: listing({ openai_api_key: 'env', webdav_password: 'db' }) };
  const untracked = { sources: listing({ openai_api_key: 'db', dropbox_app_secret: 'db' }) };
  const unreachable = { error: { message: 'GET /api/settings/credentials: HTTP 403: Admin access required', status: 403, detail: 'Admin access required' } };

  it('reports an unreachable deployment without findings, and counts it', () => {
    const report = reportWith({ production: clean, staging: unreachable });
    expect(report.deployments[1]).toEqual({
      deployment: 'staging',
      url: 'https://staging.example.com',
      outcome: 'unreachable',
      error: unreachable.error,
      findings: [],
      unchecked: [],
    });
    expect(report.summary).toEqual({ untracked: 0, 'not-configured': 0, 'from-env': 0, 'db-unmanaged': 0, 'pending-restart': 0, 'changed-outside': 0, 'masked-mismatch': 0, unreachable: 1 });
    expect(assessAuditReport(report, 'never')).toBe('external');
  });

  it('meets --fail-on untracked only with an untracked finding, and --fail-on any with any finding', () => {
    const warningsOnly = reportWith({ production: { sources: listing({ openai_api_key: 'env' }) }, staging: { sources: listing({ openai_api_key: 'db' }) } });
    expect(warningsOnly.summary).toMatchObject({ untracked: 0, 'from-env': 1, 'not-configured': 3, unreachable: 0 });
    expect(auditMeetsThreshold(warningsOnly, 'untracked')).toBe(false);
    expect(auditMeetsThreshold(warningsOnly, 'any')).toBe(true);
    expect(assessAuditReport(warningsOnly, 'never')).toBe('ok');
    expect(assessAuditReport(warningsOnly, 'any')).toBe('findings');

    const withUntracked = reportWith({ staging: untracked });
    expect(auditMeetsThreshold(withUntracked, 'untracked')).toBe(true);
    expect(assessAuditReport(reportWith({ production: clean }), 'any')).toBe('ok');
  });

  it('renders text with one table per deployment, the unaudited settings, a legend and the summary', () => {
    const report = reportWith({ production: drifted, staging: unreachable });
    const text = renderAuditText(report);
    expect(text).toContain('production (https://docs.example.com): 4 findings (2 of 5 credential settings configured; 4 in the inventory, 0 as expected)');
    expect(text).toMatch(/^ {2}SEVERITY +KIND +SETTING +CREDENTIAL +DOCUELEVATE +INVENTORY$/m);
    expect(text).toMatch(/^ {2}error +untracked +webdav_password +- +database +elsewhere: webdav$/m);
    expect(text).toMatch(/^ {2}warning +from-env +openai_api_key +openai +environment +value$/m);
    expect(text).toMatch(/^ {2}warning +not-configured +azure_ai_key +azure +no value +no value$/m);
    expect(text).toContain('not audited, DocuElevate does not list them as credentials: my_custom_token (custom)');
    expect(text).toContain('staging (https://staging.example.com): not audited: unreachable\n  error: GET /api/settings/credentials: HTTP 403: Admin access required');
    expect(text).toMatch(/^untracked: configured in DocuElevate, not in the inventory/m);
    expect(text).not.toMatch(/^db-unmanaged:/m);
    expect(text.split('\n').at(-1)).toBe('1 untracked, 2 not-configured, 1 from-env, 0 db-unmanaged, 0 pending-restart, 0 changed-outside, 0 masked-mismatch; 1 of 2 deployments unreachable');
  });

  it('renders Markdown with a table per deployment and escapes what could break it', () => {
    const report = reportWith({ production: drifted, staging: unreachable });
    const markdown = renderAuditMarkdown(report);
    expect(markdown.startsWith('### credledger audit\n\n1 untracked, 2 not-configured, 1 from-env, 0 db-unmanaged, 0 pending-restart, 0 changed-outside, 0 masked-mismatch; 1 of 2 deployments unreachable\n')).toBe(true);
    expect(markdown).toContain('| severity | kind | setting | credential | DocuElevate | finding |');
    expect(markdown).toContain('| 🔴 error | untracked | `webdav_password` | – | database |');
    expect(markdown).toContain("| 🟡 warning | from-env | `openai_api_key` | `openai` | environment | credential openai pushes a value for openai\\_api\\_key to production, but DocuElevate takes it from its environment (no database value): the inventory's value is not in effect |");
    expect(markdown).toContain('> :x: GET /api/settings/credentials: HTTP 403: Admin access required');
    expect(markdown).toContain('<details><summary>What the findings mean</summary>');
    expect(markdown).toContain('DELETE /api/settings/&lt;key&gt;');
    // Every table row has the header's column count, so no cell broke the table.
    for (const row of markdown.split('\n').filter((line) => line.startsWith('| '))) expect(row.split(/(?<!\\)\|/).length).toBe(8);
  });

  it('rejects a deployment it has no listing for: that is a bug in the caller', () => {
    expect(() => auditInventory(INVENTORY, ['production'], new Map())).toThrow(RangeError);
  });
});
