import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  ExitCode,
  FILE_OPTION,
  choiceOption,
  flagOption,
  stringOption
} from "./chunk-EKX6KSNN.js";
import {
  DEFAULT_INVENTORY_FILE
} from "./chunk-2DIQPP6S.js";
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

// src/cli/commands/init-command.ts
var initCommand = {
  name: "init",
  help: `Usage: credledger init [--file F] [--force] [--deployment NAME]
       credledger init --from-url URL --auth-method login --username-env V --password-env V
                       [--deployment NAME] [--file F] [--force] [--allow-insecure-http]

Writes a starting inventory with the schema line for editors. By default every setting DocuElevate can
store through its settings API is written as a commented-out entry, grouped by DocuElevate's category:
uncomment the ones you use. With --from-url, credledger logs in to that deployment (the username and
password are read from the variables named, never given as flags) and writes one entry per credential
it reports configured (GET /api/settings/credentials), without values. Owners are a placeholder
(TODO-owner) that \`credledger validate\` flags until a person from \`people\` replaces it.

      --from-url URL        the deployment's base URL (the settings API is URL/api/settings)
      --auth-method login   how to log in (only login: DocuElevate's settings API takes admin sessions)
      --username-env V      the variable holding the admin username (default DOCUELEVATE_USER)
      --password-env V      the variable holding the admin password (default DOCUELEVATE_PASSWORD)
      --deployment NAME     the deployment's name in the inventory (default: production)
      --allow-insecure-http allow http:// to hosts other than loopback
      --force               replace an existing file
  -f, --file F              the file to write (default: credentials.yaml)

Exit 0 when written, 64 on a usage error (an existing file without --force included), 3 when the
deployment cannot be read or the file cannot be written.`,
  options: {
    ...FILE_OPTION,
    force: { type: "boolean" },
    "from-url": { type: "string" },
    "auth-method": { type: "string" },
    "username-env": { type: "string" },
    "password-env": { type: "string" },
    deployment: { type: "string" },
    "allow-insecure-http": { type: "boolean" }
  },
  async run(commandLine, io) {
    const file = stringOption(commandLine, "file", DEFAULT_INVENTORY_FILE);
    const url = stringOption(commandLine, "from-url");
    choiceOption(commandLine, "auth-method", ["login"], "login");
    if (url === void 0 && (stringOption(commandLine, "auth-method") ?? stringOption(commandLine, "username-env") ?? stringOption(commandLine, "password-env")) !== void 0) {
      throw new UsageError("--auth-method, --username-env and --password-env go with --from-url");
    }
    const deployment = {
      id: stringOption(commandLine, "deployment", "production"),
      url: (url ?? "https://docuelevate.example.com").replace(/\/+$/, ""),
      usernameEnv: stringOption(commandLine, "username-env", "DOCUELEVATE_USER"),
      passwordEnv: stringOption(commandLine, "password-env", "DOCUELEVATE_PASSWORD")
    };
    const [{ initInventory }, { connectToDocuElevate }] = await Promise.all([import("./init-W3PLSOWZ.js"), import("./docuelevate-MIV6YY2U.js")]);
    const result = await initInventory({
      file,
      force: flagOption(commandLine, "force"),
      deployment,
      ...url === void 0 ? {} : { live: { env: io.env, connect: connectToDocuElevate(), allowInsecureHttp: flagOption(commandLine, "allow-insecure-http") } }
    });
    if (result.configured === void 0) {
      io.stdout.write(`${file}: written from DocuElevate's settings catalogue; uncomment the credentials you use, then:
`);
    } else {
      io.stdout.write(`${file}: written with the ${result.configured.length} credential${result.configured.length === 1 ? "" : "s"} ${deployment.url} reports configured: ${result.configured.map((entry) => entry.key).join(", ") || "none"}
Then:
`);
    }
    io.stdout.write(
      `  credledger onboard <handle> --github LOGIN --file ${file}   add the people who own them
  replace each owner TODO-owner with one of them, and run: credledger validate --file ${file}
`
    );
    return ExitCode.ok;
  }
};
export {
  initCommand
};
