import { describe, expect, it } from 'vitest';
import type { AuditReport, DeploymentAudit } from '../../src/core/audit.js';
import { buildDriftIssue, renderDriftBody } from '../../src/core/drift-issue.js';
import { planIssueReconciliation, readIssueMarker } from '../../src/core/rotation-issues.js';

const SUMMARY = { untracked: 0, 'not-configured': 0, 'from-env': 0, 'db-unmanaged': 0, 'pending-restart': 0, 'changed-outside': 0, 'masked-mismatch': 0, unreachable: 0 };
const clean: DeploymentAudit = { deployment: 'production', url: 'https://docs.example.com', outcome: 'audited', findings: [], unchecked: [] };
const unreachable: DeploymentAudit = { deployment: 'staging', url: 'https://staging.example.com', outcome: 'unreachable', error: { message: 'no answer' }, findings: [], unchecked: [] };
const drifted: DeploymentAudit = {
  ...clean,
  findings: [
    {
      kind: 'changed-outside',
      severity: 'error',
      deployment: 'production',
      setting: 'openai_api_key',
      credential: 'openai',
      inventoryValue: true,
      source: 'db',
      changes: [{ changedBy: 'bob', changedAt: '2026-12-02T10:00:00', action: 'update' }],
      message: 'openai_api_key on production (credential openai) was changed by bob at 2026-12-02T10:00:00',
    },
  ],
};

describe('buildDriftIssue', () => {
  it('wants one issue with the marker when the audit finds something, none when it is clean', () => {
    const report: AuditReport = { deployments: [drifted], summary: { ...SUMMARY, 'changed-outside': 1 } };
    const desired = buildDriftIssue(report, 'credential-drift', '2026-12-02');
    expect(desired?.issues.map((issue) => [issue.id, issue.title, issue.labels])).toEqual([['audit-drift', 'Credential drift: 1 finding on production', ['credential-drift']]]);
    expect(readIssueMarker(renderDriftBody(report))).toBe('audit-drift');
    expect(buildDriftIssue({ deployments: [clean], summary: SUMMARY }, 'credential-drift', '2026-12-02')?.issues).toEqual([]);
  });

  it('leaves the issue alone when a deployment could not be audited and nothing was found elsewhere', () => {
    const desired = buildDriftIssue({ deployments: [clean, unreachable], summary: { ...SUMMARY, unreachable: 1 } }, 'credential-drift', '2026-12-02');
    expect(desired).toBeUndefined();
  });

  it('closes an open drift issue with its own words once clean', () => {
    const desired = buildDriftIssue({ deployments: [clean], summary: SUMMARY }, 'credential-drift', '2026-12-02');
    const plan = planIssueReconciliation(desired!, [{ number: 4, id: 'audit-drift', title: 't', body: 'b', state: 'open', labels: ['credential-drift'], assignees: [] }]);
    expect(plan).toEqual([{ kind: 'close', id: 'audit-drift', number: 4, url: undefined, reason: 'rotated', comment: 'The audit is clean: every deployment matches the inventory, so credledger is closing this issue.' }]);
  });
});
