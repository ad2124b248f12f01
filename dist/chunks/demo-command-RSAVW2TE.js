import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  describeSet
} from "./chunk-PEJ6ZGPM.js";
import "./chunk-IWLCN2BV.js";
import {
  DEMO_DAY
} from "./chunk-KXEOXOXY.js";
import "./chunk-DBPKLHWZ.js";
import "./chunk-BYMAB5YM.js";
import "./chunk-U23GFO32.js";
import "./chunk-V2QDFDXZ.js";
import {
  renderApplyText
} from "./chunk-D6Z224IV.js";
import {
  renderStatusText
} from "./chunk-LCBC2S3A.js";
import {
  renderPlanText
} from "./chunk-S4MH2322.js";
import "./chunk-ASM7YXIQ.js";
import "./chunk-L4POFTLE.js";
import "./chunk-RDARU6O6.js";
import "./chunk-HDYKRRQ4.js";
import "./chunk-FNVTWHAF.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-DKTHFQQM.js";
import "./chunk-ZS6E5BZH.js";
import "./chunk-YI3OOGKA.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import {
  styleFor
} from "./chunk-URZSO2AJ.js";
import {
  renderDiagnosticsText,
  sourceLinesOf,
  summariseDiagnostics
} from "./chunk-4AI5OLC3.js";
import "./chunk-NTY5ZNUX.js";
import {
  ExitCode,
  flagOption
} from "./chunk-EKX6KSNN.js";
import "./chunk-2DIQPP6S.js";
import "./chunk-NZKPRETK.js";
import "./chunk-XHVHMUK4.js";
import "./chunk-55Y3H7G4.js";
import "./chunk-YUYCLIND.js";
import "./chunk-Q7IKDR6M.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-X75H72PA.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import {
  UsageError
} from "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";

// src/cli/commands/demo-command.ts
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
var EXAMPLE_FILE = "credentials.yaml.example";
var DEMO_KEY_FILE = path.join("examples", "demo.key");
var STEPS = 6;
var demoCommand = {
  name: "demo",
  help: `Usage: credledger demo [--keep]

Runs the main job on the bundled example, with no setup and no network: starts two
DocuElevate-compatible servers on 127.0.0.1 (production and staging, random admin logins),
commits credentials.yaml.example pointed at them to a new git repository in a temporary
directory, validates it, shows its status on ${DEMO_DAY} (the day the example was written),
applies it with the public demo key (examples/demo.key) and checks every stored value, then
rotates the OpenAI key on a branch, plans it, merges it and applies again, twice. No value is
ever printed. Your git configuration, environment and working directory play no part.

      --keep    keep the temporary directory (its repository and applied-state ref) afterwards

Exit 0 when every step did what it shows, 1 when one did not, 3 when git cannot run.`,
  options: { keep: { type: "boolean" } },
  async run(commandLine, io) {
    const root = locatePackageRoot(path.dirname(fileURLToPath(import.meta.url)));
    const style = styleFor(io.stdout, io.env);
    io.stdout.write(
      `${style.bold("credledger demo")}: the bundled example, end to end, against DocuElevate-compatible servers on this machine.
No network, no setup, and no credential value is printed at any point.
`
    );
    const { runDemo } = await import("./demo-S2WU46ML.js");
    const result = await runDemo({
      exampleFile: path.join(root, EXAMPLE_FILE),
      keyFile: path.join(root, DEMO_KEY_FILE),
      tempRoot: tmpdir(),
      keep: flagOption(commandLine, "keep"),
      path: io.env.PATH,
      clock: io.now,
      report: (event) => io.stdout.write(`${renderDemoEvent(event, style)}
`)
    });
    if (!result.ok) {
      io.stderr.write(`credledger demo: stopped: ${result.failure ?? "a step failed"}
`);
      return ExitCode.findings;
    }
    return ExitCode.ok;
  }
};
function locatePackageRoot(start) {
  for (let directory = start; ; directory = path.dirname(directory)) {
    if (existsSync(path.join(directory, EXAMPLE_FILE)) && existsSync(path.join(directory, DEMO_KEY_FILE))) return directory;
    if (path.dirname(directory) === directory) break;
  }
  throw new UsageError(`the demo needs ${EXAMPLE_FILE} and ${DEMO_KEY_FILE} from the credledger package, and neither ${start} nor a directory above it has them`);
}
function renderDemoEvent(event, style) {
  switch (event.kind) {
    case "step": {
      const title = `Step ${event.number}/${STEPS}: ${event.title}`;
      return `
${style.bold(title)}
${style.bold("=".repeat(title.length))}`;
    }
    case "note":
      return event.text;
    case "command":
      return `${event.note === void 0 ? "" : `${style.dim(`# ${event.note}`)}
`}${style.bold(`$ ${event.command}`)}`;
    case "validate": {
      const { diagnostics } = event.result.check;
      const excerpts = diagnostics.length > 0 ? `${renderDiagnosticsText(diagnostics, event.result.check.source.lines, style)}

` : "";
      return `${excerpts}${event.file}: ${event.result.valid ? "valid" : "invalid"} (${summariseDiagnostics(diagnostics)})`;
    }
    case "status":
      return renderStatusText(event.report, style);
    case "set":
      return describeSet(event.result).trimEnd();
    case "plan":
      return renderPlanText(event.result.plan, { sourceLines: event.result.headText === void 0 ? void 0 : sourceLinesOf(event.result.headText), style });
    case "apply":
      return `${renderApplyText(event.report, style)}
${style.dim(describeWrites(event.writes))}`;
    case "verify":
      return describeChecks(event.deployments, style);
  }
}
function describeWrites(writes) {
  const parts = writes.map(({ deployment, writes: count }) => `${deployment} ${count} write${count === 1 ? "" : "s"}`);
  return `by the servers' own request logs: ${parts.join(", ")}`;
}
function describeChecks(checks, style) {
  return checks.map((check) => {
    if (check.mismatched.length === 0 && check.unexpected.length === 0) {
      return `checked: ${check.deployment} holds all ${check.expected} values exactly as the inventory has them (compared in memory, not printed)`;
    }
    const problems = [
      ...check.mismatched.length > 0 ? [`${check.mismatched.length} of ${check.expected} differ or are missing: ${check.mismatched.join(", ")}`] : [],
      ...check.unexpected.length > 0 ? [`not in the inventory: ${check.unexpected.join(", ")}`] : []
    ];
    return style.error(`checked: ${check.deployment}: ${problems.join("; ")}`);
  }).join("\n");
}
export {
  demoCommand
};
