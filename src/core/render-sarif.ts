// SARIF 2.1.0 logs of validate's diagnostics and status's rotation findings, for GitHub code scanning (upload-sarif).
import type { Diagnostic } from './diagnostics.js';
import type { StatusReport, StatusRow } from './status-report.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/credledger/credledger';
/** The partialFingerprints key: bump the version if what goes into the fingerprint ever changes. */
const FINGERPRINT_KEY = 'credledgerFinding/v1';

/** A SARIF log (the subset credledger writes). */
export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
}

interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly helpUri: string;
  readonly defaultConfiguration: { readonly level: SarifLevel };
}

interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: { readonly text: string };
  readonly locations: readonly {
    readonly physicalLocation: {
      readonly artifactLocation: { readonly uri: string; readonly uriBaseId: string };
      readonly region: { readonly startLine: number; readonly startColumn: number; readonly endLine?: number; readonly endColumn?: number };
    };
  }[];
  readonly partialFingerprints: Readonly<Record<string, string>>;
}

interface SarifRun {
  readonly tool: { readonly driver: { readonly name: string; readonly version: string; readonly informationUri: string; readonly rules: readonly SarifRule[] } };
  readonly originalUriBaseIds: Readonly<Record<string, { readonly description: { readonly text: string } }>>;
  readonly results: readonly SarifResult[];
}

type SarifLevel = 'error' | 'warning' | 'note';

/** Where the results point: the inventory's path relative to the repository root (code scanning resolves it there). */
export interface SarifTarget {
  readonly artifactUri: string;
  readonly toolVersion: string;
}

/** One finding before it becomes a result: its rule, level, message, place and what identifies it across edits. */
interface SarifFinding {
  readonly ruleId: string;
  readonly ruleDescription: string;
  readonly level: SarifLevel;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** Stable while the file is edited elsewhere: the rule and the JSON path (never the line, never a value). */
  readonly identity: string;
}

/**
 * SARIF's `message.text` is plain text (code scanning shows it as written), so the Markdown code spans the
 * diagnostics use elsewhere become quotes: `carol` reads 'carol'.
 */
function plainText(message: string): string {
  return message.replace(/`([^`\n]*)`/g, "'$1'");
}

function buildLog(findings: readonly SarifFinding[], target: SarifTarget): SarifLog {
  const ruleIds = [...new Set(findings.map((finding) => finding.ruleId))].sort();
  const rules = ruleIds.map((id): SarifRule => {
    const first = findings.find((finding) => finding.ruleId === id) as SarifFinding;
    return { id, name: id, shortDescription: { text: plainText(first.ruleDescription) }, helpUri: `${INFORMATION_URI}#diagnostic-codes`, defaultConfiguration: { level: first.level } };
  });
  const results = findings.map(
    (finding): SarifResult => ({
      ruleId: finding.ruleId,
      ruleIndex: ruleIds.indexOf(finding.ruleId),
      level: finding.level,
      message: { text: plainText(finding.message) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: target.artifactUri, uriBaseId: '%SRCROOT%' },
            region: {
              startLine: Math.max(1, finding.line),
              startColumn: Math.max(1, finding.column),
              ...(finding.endLine === undefined ? {} : { endLine: finding.endLine }),
              ...(finding.endColumn === undefined ? {} : { endColumn: finding.endColumn }),
            },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: finding.identity },
    }),
  );
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'credledger', version: target.toolVersion, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The root of the repository that holds the inventory.' } } },
        results,
      },
    ],
  };
}

/**
 * `validate --format sarif`: one result per diagnostic, its code as the rule id, at its line and column. No
 * diagnostic message holds a value, so neither does the log.
 */
export function renderDiagnosticsSarif(diagnostics: readonly Diagnostic[], target: SarifTarget): SarifLog {
  return buildLog(
    diagnostics.map((diagnostic) => ({
      ruleId: diagnostic.code,
      ruleDescription: `credledger inventory check \`${diagnostic.code}\``,
      level: diagnostic.severity,
      message: diagnostic.message,
      line: diagnostic.line,
      column: diagnostic.column,
      ...(diagnostic.endLine === undefined || diagnostic.endLine < diagnostic.line ? {} : { endLine: diagnostic.endLine }),
      ...(diagnostic.endColumn === undefined || diagnostic.endLine !== diagnostic.line || diagnostic.endColumn <= diagnostic.column ? {} : { endColumn: diagnostic.endColumn }),
      identity: `${diagnostic.code}|${diagnostic.path}`,
    })),
    target,
  );
}

const STATUS_RULES: Readonly<Record<Exclude<StatusRow['state'], 'ok'>, { readonly id: string; readonly level: SarifLevel; readonly description: string }>> = {
  overdue: { id: 'credential-overdue', level: 'error', description: 'A credential is past its rotation date (or compromised, revoked, or readable by someone who left).' },
  'due-soon': { id: 'credential-due-soon', level: 'warning', description: 'A credential is due for rotation soon.' },
  unknown: { id: 'credential-rotation-unknown', level: 'note', description: 'A credential has no rotation or creation date to count from.' },
};

/** Where a status row points in the inventory: its `rotated` (or `created`) line, else the credential's key. */
export type StatusRowLocator = (row: StatusRow) => { readonly line: number; readonly column: number };

/**
 * `status --format sarif`: one result per credential and deployment that is overdue, due soon or of unknown
 * state (ok rows are not findings), with its reasons, at the credential's place in the inventory.
 */
export function renderStatusSarif(report: StatusReport, locate: StatusRowLocator, target: SarifTarget): SarifLog {
  return buildLog(
    report.credentials.flatMap((row): SarifFinding[] => {
      if (row.state === 'ok') return [];
      const rule = STATUS_RULES[row.state];
      const where = row.deployment === null ? '' : ` on ${row.deployment}`;
      const due = row.due === null ? '' : ` (due ${row.due})`;
      const reasons = row.reasons.length === 0 ? '' : `: ${row.reasons.join('; ')}`;
      const { line, column } = locate(row);
      return [
        {
          ruleId: rule.id,
          ruleDescription: rule.description,
          level: rule.level,
          message: `\`${row.id}\` (${row.setting})${where} is ${row.state}${due} as of ${report.now}${reasons}`,
          line,
          column,
          identity: `${rule.id}|${row.id}|${row.deployment ?? ''}`,
        },
      ];
    }),
    target,
  );
}
