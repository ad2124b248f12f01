import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  onboardPerson
} from "./chunk-ZGTJ6LZ6.js";
import {
  writeRefusal
} from "./chunk-BYMAB5YM.js";
import "./chunk-U23GFO32.js";
import "./chunk-V2QDFDXZ.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-HRPQZHUL.js";
import "./chunk-LKPYZ5YL.js";
import "./chunk-SRZ2AMBU.js";
import "./chunk-45NTUV52.js";
import "./chunk-URZSO2AJ.js";
import "./chunk-4AI5OLC3.js";
import "./chunk-NTY5ZNUX.js";
import {
  ExitCode,
  FILE_OPTION,
  flagOption,
  stringOption
} from "./chunk-EKX6KSNN.js";
import {
  DEFAULT_INVENTORY_FILE
} from "./chunk-2DIQPP6S.js";
import "./chunk-NZKPRETK.js";
import "./chunk-XHVHMUK4.js";
import {
  toCalendarDate
} from "./chunk-55Y3H7G4.js";
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

// src/cli/commands/onboard-command.ts
var onboardCommand = {
  name: "onboard",
  help: `Usage: credledger onboard <person> --github LOGIN [--email E] [--name N] [--live] [--file F]

Adds the person under \`people\` (written like the people already there; every other byte of the file
stays as it was) and prints, per deployment and DocuElevate category, the credentials the inventory
has. Nobody gets access by being added: list them in a credential's \`access\` once they have seen its
value, so that their leaving makes it due.

      --github LOGIN    their GitHub login (assigned to the reminder issues of what they own)
      --email E         contact address
      --name N          display name
      --live            also log in to each deployment (auth from the variables the inventory names)
                        and print what it reports configured
      --allow-insecure-http  with --live: allow http:// to hosts other than loopback
  -f, --file F          inventory file (default: credentials.yaml)

Exit 0 when added, 1 when the entry would be invalid or cannot be added in place, 64 on a usage
error (a person who already exists included), 3 when the file cannot be written.`,
  options: {
    ...FILE_OPTION,
    github: { type: "string" },
    email: { type: "string" },
    name: { type: "string" },
    live: { type: "boolean" },
    "allow-insecure-http": { type: "boolean" }
  },
  positionals: { min: 1, max: 1, names: "the new person (a short handle, the key under people)" },
  async run(commandLine, io) {
    const file = stringOption(commandLine, "file", DEFAULT_INVENTORY_FILE);
    const github = stringOption(commandLine, "github");
    if (github === void 0) throw new UsageError("--github LOGIN is required: reminder issues are assigned by it");
    const email = stringOption(commandLine, "email");
    const name = stringOption(commandLine, "name");
    const live = flagOption(commandLine, "live") ? { env: io.env, connect: (await import("./docuelevate-MIV6YY2U.js")).connectToDocuElevate(), allowInsecureHttp: flagOption(commandLine, "allow-insecure-http") } : void 0;
    const result = await onboardPerson({
      file,
      person: commandLine.positionals[0] ?? "",
      github,
      today: toCalendarDate(io.now()),
      ...email === void 0 ? {} : { email },
      ...name === void 0 ? {} : { name },
      ...live === void 0 ? {} : { live }
    });
    if (result.kind === "refused") {
      writeRefusal(io, result, `${file} was not changed.`);
      return ExitCode.findings;
    }
    io.stdout.write(renderOnboarding(result, commandLine.positionals[0] ?? ""));
    return ExitCode.ok;
  }
};
function renderOnboarding(result, person) {
  const lines = [`${result.file}: added people.${person} (${result.written.map((path) => path.split(".").pop()).join(", ")})`, ""];
  for (const deployment of result.deployments) {
    lines.push(`${deployment.deployment} (${deployment.url}):`);
    if (deployment.categories.size === 0) lines.push("  (no credential in the inventory)");
    for (const [category, ids] of deployment.categories) lines.push(`  ${category}: ${ids.join(", ")}`);
    const live = result.live?.get(deployment.deployment);
    if (live !== void 0) {
      if ("error" in live) lines.push(`  live: not read: ${live.error.message}`);
      else lines.push(`  live: DocuElevate reports ${live.configured.length} configured: ${live.configured.map((entry) => `${entry.key} (${entry.source ?? "none"})`).join(", ") || "none"}`);
    }
    lines.push("");
  }
  lines.push(
    `Give ${person} access the way the rotation guide advises: a new service-specific credential of their own (their own API key or app password at the issuer) beats sharing an existing one, because it can be revoked alone when they leave.`,
    `When they do see a shared value, add ${person} to that credential's \`access\`, so their leaving makes it due.`
  );
  return `${lines.join("\n")}
`;
}
export {
  onboardCommand,
  renderOnboarding
};
