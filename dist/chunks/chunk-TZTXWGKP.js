import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  credledgerVersion
} from "./chunk-7PZX6KVS.js";

// src/cli/sarif-output.ts
import path from "node:path";
function sarifTargetFor(file) {
  const relative = path.isAbsolute(file) ? path.relative(process.cwd(), file) : path.normalize(file);
  return { artifactUri: relative.split(path.sep).join("/"), toolVersion: credledgerVersion() };
}
function writeSarif(io, log) {
  io.stdout.write(`${JSON.stringify(log, null, 2)}
`);
}

// src/core/render-sarif.ts
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var INFORMATION_URI = "https://github.com/credledger/credledger";
var FINGERPRINT_KEY = "credledgerFinding/v1";
function plainText(message) {
  return message.replace(/`([^`\n]*)`/g, "'$1'");
}
function buildLog(findings, target) {
  const ruleIds = [...new Set(findings.map((finding) => finding.ruleId))].sort();
  const rules = ruleIds.map((id) => {
    const first = findings.find((finding) => finding.ruleId === id);
    return { id, name: id, shortDescription: { text: plainText(first.ruleDescription) }, helpUri: `${INFORMATION_URI}#diagnostic-codes`, defaultConfiguration: { level: first.level } };
  });
  const results = findings.map(
    (finding) => ({
      ruleId: finding.ruleId,
      ruleIndex: ruleIds.indexOf(finding.ruleId),
      level: finding.level,
      message: { text: plainText(finding.message) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: target.artifactUri, uriBaseId: "%SRCROOT%" },
            region: {
              startLine: Math.max(1, finding.line),
              startColumn: Math.max(1, finding.column),
              ...finding.endLine === void 0 ? {} : { endLine: finding.endLine },
              ...finding.endColumn === void 0 ? {} : { endColumn: finding.endColumn }
            }
          }
        }
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: finding.identity }
    })
  );
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "credledger", version: target.toolVersion, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "The root of the repository that holds the inventory." } } },
        results
      }
    ]
  };
}
function renderDiagnosticsSarif(diagnostics, target) {
  return buildLog(
    diagnostics.map((diagnostic) => ({
      ruleId: diagnostic.code,
      ruleDescription: `credledger inventory check \`${diagnostic.code}\``,
      level: diagnostic.severity,
      message: diagnostic.message,
      line: diagnostic.line,
      column: diagnostic.column,
      ...diagnostic.endLine === void 0 || diagnostic.endLine < diagnostic.line ? {} : { endLine: diagnostic.endLine },
      ...diagnostic.endColumn === void 0 || diagnostic.endLine !== diagnostic.line || diagnostic.endColumn <= diagnostic.column ? {} : { endColumn: diagnostic.endColumn },
      identity: `${diagnostic.code}|${diagnostic.path}`
    })),
    target
  );
}
var STATUS_RULES = {
  overdue: { id: "credential-overdue", level: "error", description: "A credential is past its rotation date (or compromised, revoked, or readable by someone who left)." },
  "due-soon": { id: "credential-due-soon", level: "warning", description: "A credential is due for rotation soon." },
  unknown: { id: "credential-rotation-unknown", level: "note", description: "A credential has no rotation or creation date to count from." }
};
function renderStatusSarif(report, locate, target) {
  return buildLog(
    report.credentials.flatMap((row) => {
      if (row.state === "ok") return [];
      const rule = STATUS_RULES[row.state];
      const where = row.deployment === null ? "" : ` on ${row.deployment}`;
      const due = row.due === null ? "" : ` (due ${row.due})`;
      const reasons = row.reasons.length === 0 ? "" : `: ${row.reasons.join("; ")}`;
      const { line, column } = locate(row);
      return [
        {
          ruleId: rule.id,
          ruleDescription: rule.description,
          level: rule.level,
          message: `\`${row.id}\` (${row.setting})${where} is ${row.state}${due} as of ${report.now}${reasons}`,
          line,
          column,
          identity: `${rule.id}|${row.id}|${row.deployment ?? ""}`
        }
      ];
    }),
    target
  );
}

export {
  sarifTargetFor,
  writeSarif,
  renderDiagnosticsSarif,
  renderStatusSarif
};
