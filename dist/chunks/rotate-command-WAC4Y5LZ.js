import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  DEFAULT_PENDING_TTL_MS,
  DEFAULT_QUIET_PERIOD_MS,
  parseHoursDuration
} from "./chunk-FNVTWHAF.js";
import {
  loadOptionalKeyRing
} from "./chunk-ZS6E5BZH.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
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

// src/cli/commands/rotate-command.ts
import path from "node:path";
function durationOption(commandLine, name, fallback) {
  const text = stringOption(commandLine, name);
  if (text === void 0) return fallback;
  const ms = parseHoursDuration(text);
  if (ms === void 0) throw new UsageError(`--${name} must be a duration such as 24h, 90m or 7d (got ${text})`);
  return ms;
}
function reviewFor(commandLine, io) {
  return async () => {
    const { gitHubRotationReview } = await import("./rotation-KZ7A5PN3.js");
    const repository = stringOption(commandLine, "repo") ?? io.env.GITHUB_REPOSITORY;
    if (!repository) throw new UsageError("no repository for the pull request: pass --repo owner/name or set GITHUB_REPOSITORY");
    const token = io.env.GITHUB_TOKEN;
    if (!token) throw new UsageError("GITHUB_TOKEN is not set: rotate needs a token allowed to open pull requests (contents: write, pull-requests: write)");
    return gitHubRotationReview({ token, repository, baseUrl: io.env.GITHUB_API_URL || void 0, log: (message) => io.stderr.write(`${message}
`) });
  };
}
function describeOutcome(outcome) {
  switch (outcome.kind) {
    case "opened": {
      const ids = outcome.oldIssuerId !== void 0 || outcome.newIssuerId !== void 0 ? ` ${outcome.oldIssuerId ?? "?"} \u2192 ${outcome.newIssuerId ?? "?"};` : "";
      const discarded = outcome.discarded.length === 0 ? "" : `
  deleted ${outcome.discarded.join(", ")}, made by an earlier run that died before pushing it`;
      const resumed = outcome.resumed ? " (pushed by an earlier run)" : "";
      return `${outcome.credential}: pull request #${outcome.pullRequest.number} ${outcome.pullRequest.url}${resumed}
 ${ids} probe ${outcome.probe.ok ? "passed" : "failed"}: ${outcome.probe.detail}${discarded}`;
    }
    case "in-progress":
      return `${outcome.credential}: rotation ${outcome.record.id} is ${outcome.record.phase}: \`credledger rotate --finish\` takes it on`;
    case "refused":
      return `${outcome.credential}: refused: ${outcome.reason}`;
    case "manual":
      return `${outcome.credential}: no rotation driver; rotate it at its issuer, then run \`${outcome.command}\``;
  }
}
function describeFinish(outcome) {
  const moved = outcome.from === outcome.to ? outcome.to : `${outcome.from} \u2192 ${outcome.to}`;
  return `${outcome.credential} (${outcome.rotationId}): ${moved}
${outcome.notes.map((note) => `  ${note}`).join("\n")}`;
}
var rotateCommand = {
  name: "rotate",
  help: `Usage: credledger rotate <id> [--file F] [--repo owner/name]
       credledger rotate --due [--file F] [--repo owner/name]
       credledger rotate --finish [--quiet-period 24h] [--pending-ttl 7d] [--file F] [--repo owner/name]

rotate <id> rotates one credential whose inventory entry has \`rotation:\` (see docs/rotation.md): it checks
the issuer (for AWS: the rotator's access, a free key slot, the key in use), creates the new credential
tagged with a rotation id, tests it, seals it (for encryption.recipients, else under CREDLEDGER_KEY) into
the branch credledger/rotate/<id> and opens a pull request that shows the old and new issuer ids and the
probe, never a value. A run that died half way is finished by running it again.

DocuElevate's admin password (driver docuelevate-admin-password) is a swap: its pull request carries only the
request (rotation.swap); the apply after the merge mints, seals, records and pushes the new password, and
--finish opens the pull request that writes it into the inventory.

--due does that for every credential due soon or overdue; one without a driver gets the command to paste.
With nothing due it reads only the inventory.

--finish moves every rotation under way: a merged one that apply pushed to every deployment is verified,
its old credential disabled once the new one shows use after the apply and the old one none since, and
deleted after the quiet period; an old credential used again after it was disabled is enabled again and a
critical issue opened; a pull request closed unmerged, or open past the time to live, deletes the new one.

  -f, --file F          inventory file (default: credentials.yaml)
      --repo R          the repository for pull requests (default: GITHUB_REPOSITORY)
      --quiet-period D  how long the old credential stays disabled and unused before it is deleted (default 24h)
      --pending-ttl D   how long a rotation pull request may stay open (default 7d)

Environment: GITHUB_TOKEN, GITHUB_API_URL; AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (the rotator, else the
AWS SDK's profile or role), AWS_ENDPOINT_URL (an emulator), AWS_REGION; CREDLEDGER_KEY when the inventory
has no encryption.recipients.

Exit 0 when every rotation went ahead (or waits), 1 when one was refused, 2 on a usage error, 3 when git,
GitHub or the issuer failed.`,
  options: {
    ...FILE_OPTION,
    due: { type: "boolean" },
    finish: { type: "boolean" },
    repo: { type: "string" },
    "quiet-period": { type: "string" },
    "pending-ttl": { type: "string" }
  },
  positionals: { min: 0, max: 1, names: "the id of the credential" },
  async run(commandLine, io) {
    const file = stringOption(commandLine, "file", DEFAULT_INVENTORY_FILE);
    const credentialId = commandLine.positionals[0];
    const due = flagOption(commandLine, "due");
    const finish = flagOption(commandLine, "finish");
    if ([credentialId !== void 0, due, finish].filter(Boolean).length !== 1) throw new UsageError("rotate takes one of: a credential id, --due, --finish");
    const today = toCalendarDate(io.now());
    const { createRotationDrivers, openRotationRepository, appliedStateReader } = await import("./rotation-KZ7A5PN3.js");
    const drivers = createRotationDrivers(io.env);
    if (finish) {
      const { finishRotations } = await import("./rotate-finish-G7FKTM4N.js");
      const outcomes = await finishRotations({
        today,
        clock: io.now,
        drivers,
        git: await openRotationRepository({ file, env: io.env }),
        review: await reviewFor(commandLine, io)(),
        loadAppliedState: appliedStateReader(path.dirname(path.resolve(file)), io.env),
        quietPeriodMs: durationOption(commandLine, "quiet-period", DEFAULT_QUIET_PERIOD_MS),
        pendingTtlMs: durationOption(commandLine, "pending-ttl", DEFAULT_PENDING_TTL_MS)
      });
      io.stdout.write(outcomes.length === 0 ? "no rotation is under way\n" : `${outcomes.map(describeFinish).join("\n")}
`);
      return ExitCode.ok;
    }
    const { rotateCredentials } = await import("./rotate-NGCZUQFA.js");
    const result = await rotateCredentials({
      file,
      today,
      clock: io.now,
      credentialId,
      due,
      ring: await loadOptionalKeyRing({ env: io.env }),
      drivers,
      openGit: () => openRotationRepository({ file, env: io.env }),
      openReview: reviewFor(commandLine, io)
    });
    if (result.outcomes.length === 0) {
      io.stdout.write("nothing is due\n");
      return ExitCode.ok;
    }
    io.stdout.write(`${result.outcomes.map(describeOutcome).join("\n")}
`);
    return result.outcomes.some((outcome) => outcome.kind === "refused") ? ExitCode.findings : ExitCode.ok;
  }
};
export {
  rotateCommand
};
