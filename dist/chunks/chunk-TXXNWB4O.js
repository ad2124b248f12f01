import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  markdownCode,
  markdownTable,
  markdownText
} from "./chunk-ASM7YXIQ.js";
import {
  rotationAssessor
} from "./chunk-XHVHMUK4.js";
import {
  findCredential,
  ownValue
} from "./chunk-X75H72PA.js";
import {
  SESSION_SECRET_SETTING,
  findSetting
} from "./chunk-PNS7CLM4.js";

// src/core/runbooks.ts
var microsoftClientSecret = (refreshSetting, shared) => ({ refer }) => ({
  before: [
    ...shared ? [shared] : [],
    "In Azure App Registrations, open the app's **Certificates & secrets** and add a new client secret. The old one keeps working until you delete it."
  ],
  after: [
    `Re-authorise through the Microsoft OAuth flow to get a fresh refresh token, and rotate ${refer(refreshSetting)} the same way.`,
    "Delete the old client secret in Azure App Registrations."
  ]
});
var microsoftRefreshToken = () => ({
  before: ["Re-authorise DocuElevate through the Microsoft OAuth flow; the consent hands back a new refresh token."],
  after: ["Check that DocuElevate can still list the target folder; then sign the old grant out in the Microsoft account's app permissions if it is still listed."]
});
var mailPassword = ({ issuerAside }) => ({
  before: [`Change the password at the mail provider${issuerAside}.`],
  after: ["Send or fetch a test message through DocuElevate to check the new password."]
});
var serverPassword = ({ issuerAside }) => ({
  before: [`Change the password on the server${issuerAside}.`],
  after: ["Upload a test document to that destination to check the new password."]
});
var sftpKeyPair = ({ refer }) => ({
  before: [
    "Generate a new key pair, for example `ssh-keygen -t ed25519 -f docuelevate_sftp -C docuelevate-sftp` (with a passphrase if the key is to be encrypted).",
    "Add the new public key to the SFTP server's authorised keys, next to the old one."
  ],
  after: [
    "Upload a test document over SFTP.",
    `Remove the old public key from the SFTP server. The private key and its passphrase (${refer("sftp_private_key")}, ${refer("sftp_private_key_passphrase")}) change together.`
  ]
});
var adminPassword = () => ({
  before: ["Choose a new admin password (a password manager's generator will do)."],
  after: ["Give the new password to whoever still shares this account, privately; better, move them to their own accounts through OAuth."]
});
var sessionSecret = () => ({
  before: ['Generate a new secret of at least 32 characters, for example `python -c "import secrets; print(secrets.token_hex(32))"`.'],
  after: ["Sign in again and check that the settings pushed again are readable."],
  cautions: [
    "DocuElevate never uses a `session_secret` written through its settings API: sessions and the encryption of the settings it holds in its database use `SESSION_SECRET` from the deployment's environment, read at start-up. The rotation happens there; apply cannot do it.",
    "Changing `SESSION_SECRET` without `SESSION_SECRET_PREVIOUS` set to the old secret makes every setting held in DocuElevate's database read `[DECRYPTION FAILED]`, a database-held `admin_password` included (then no password logs in). Keep the order below.",
    "Every signed-in user is signed out when DocuElevate restarts with the new secret."
  ]
});
var SETTING_PROCEDURES = {
  openai_api_key: () => ({
    before: ["At platform.openai.com, under **API keys**, create a new secret key. Leave the old key in place for now."],
    after: ["Upload a test document and check that metadata is still extracted.", "Delete the old key in the OpenAI dashboard."]
  }),
  azure_ai_key: () => ({
    before: [
      "In portal.azure.com, open the Document Intelligence resource, **Keys and Endpoint**. Azure keeps two keys so one can change while the other serves: regenerate the key DocuElevate does **not** use (Key 2 while Key 1 is live) and take that one."
    ],
    after: [
      "Check that documents are still recognised.",
      "Then regenerate the other key (Key 1) too, so the value that was in use until now stops working. Next time, the roles swap."
    ]
  }),
  aws_access_key_id: ({ refer }) => awsPair(refer),
  aws_secret_access_key: ({ refer }) => awsPair(refer),
  dropbox_refresh_token: () => ({
    before: [
      "At dropbox.com/developers, revoke the current token, then run the Dropbox OAuth flow again (DocuElevate's docs/DropboxSetup.md) to get a new refresh token."
    ],
    after: ["Upload a test document to Dropbox through DocuElevate."],
    cautions: ["Revoking the old token stops DocuElevate's uploads to Dropbox until the new token is applied: do the steps back to back."]
  }),
  dropbox_app_secret: ({ issuerAside, refer }) => ({
    before: [`Issue a new app secret for the DocuElevate app in the Dropbox App Console${issuerAside}.`],
    after: [`If the Dropbox refresh token has to be renewed with it, re-authorise and rotate ${refer("dropbox_refresh_token")} in the same way.`, "Upload a test document to Dropbox through DocuElevate."]
  }),
  google_drive_client_secret: ({ refer }) => ({
    before: ["In the Google Cloud Console, **APIs & Services \u2192 Credentials**, open the OAuth client and create a new client secret."],
    after: [
      `Re-authorise to get a fresh refresh token and rotate ${refer("google_drive_refresh_token")} too.`,
      "Delete the old client secret in the Google Cloud Console."
    ]
  }),
  google_drive_refresh_token: () => ({
    before: ["Re-authorise DocuElevate with Google (the OAuth consent flow) to get a new refresh token."],
    after: ["Upload a test document to Google Drive through DocuElevate."]
  }),
  google_drive_credentials_json: () => ({
    before: ["In the Google Cloud Console, create a new key for the service account and download its JSON."],
    after: ["Check that DocuElevate can still reach Google Drive.", "Delete the old service-account key."]
  }),
  onedrive_client_secret: microsoftClientSecret("onedrive_refresh_token", void 0),
  onedrive_refresh_token: microsoftRefreshToken,
  sharepoint_client_secret: microsoftClientSecret(
    "sharepoint_refresh_token",
    "SharePoint uses the same Azure AD app registration as OneDrive: one new client secret may serve both."
  ),
  sharepoint_refresh_token: microsoftRefreshToken,
  authentik_client_secret: () => ({
    before: ["In the Authentik admin interface, open the DocuElevate application's provider and regenerate its client secret."],
    after: ["Sign in to DocuElevate through Authentik to check the new secret."],
    cautions: ["Sign-in through Authentik fails from the moment the secret is regenerated until the new value is applied and DocuElevate restarted."]
  }),
  paperless_ngx_api_token: () => ({
    before: ["In Paperless-ngx, **Settings \u2192 API Tokens**, create a new token."],
    after: ["Check that documents are still routed to Paperless-ngx.", "Revoke the old token in Paperless-ngx."]
  }),
  email_password: mailPassword,
  dest_email_password: mailPassword,
  imap1_password: mailPassword,
  imap2_password: mailPassword,
  nextcloud_password: () => ({
    before: ["In Nextcloud, **Settings \u2192 Security**, create a new app password for DocuElevate."],
    after: ["Upload a test document to Nextcloud.", "Revoke the old app password in Nextcloud."]
  }),
  ftp_password: serverPassword,
  sftp_password: serverPassword,
  webdav_password: serverPassword,
  sftp_private_key: sftpKeyPair,
  sftp_private_key_passphrase: sftpKeyPair,
  admin_password: adminPassword,
  session_secret: sessionSecret
};
function awsPair(refer) {
  return {
    before: ["In the IAM console, create a new access key for the service user. IAM allows two keys per user, so the old key keeps working meanwhile."],
    after: [
      "Test an S3 upload from DocuElevate.",
      "Deactivate the old access key in IAM.",
      `A day later, if nothing broke, delete the old access key. The key id and the secret (${refer("aws_access_key_id")}, ${refer("aws_secret_access_key")}) always change together.`
    ]
  };
}
var KIND_PROCEDURES = {
  api_key: ({ issuer }) => ({
    before: [`Create a new key at ${issuer}, leaving the old one active for now.`],
    after: ["Check that DocuElevate still reaches the service.", `Delete or revoke the old key at ${issuer}.`]
  }),
  token: ({ issuer }) => ({
    before: [`Issue a new token at ${issuer}, leaving the old one active for now.`],
    after: ["Check that DocuElevate still reaches the service.", `Revoke the old token at ${issuer}.`]
  }),
  oauth_client_secret: ({ issuer }) => ({
    before: [`Add a new client secret at ${issuer}; keep the old one until the new one is applied.`],
    after: ["If the provider ties refresh tokens to the secret, re-authorise and rotate the refresh token too.", `Delete the old client secret at ${issuer}.`]
  }),
  oauth_refresh_token: ({ issuerAside }) => ({
    before: [`Re-authorise DocuElevate${issuerAside} to get a new refresh token.`],
    after: ["Check that DocuElevate still reaches the service.", "Revoke the old grant if the provider still lists it."]
  }),
  password: ({ issuer }) => ({
    before: [`Change the password at ${issuer}.`],
    after: ["Check that DocuElevate still signs in there."]
  }),
  admin_password: adminPassword,
  session_secret: sessionSecret,
  private_key: ({ issuer }) => ({
    before: [`Generate a new key pair and install its public half at ${issuer}, next to the old one.`],
    after: ["Check that DocuElevate still connects.", `Remove the old public key at ${issuer}.`]
  }),
  service_account: ({ issuer }) => ({
    before: [`Create a new key for the service account at ${issuer}.`],
    after: ["Check that DocuElevate still reaches the service.", `Delete the old service-account key at ${issuer}.`]
  }),
  certificate: ({ issuer }) => ({
    before: [`Obtain a new certificate (and key) from ${issuer}.`],
    after: ["Check that DocuElevate still connects with it.", `Revoke the old certificate at ${issuer} if it is not about to expire anyway.`]
  })
};
var code = markdownCode;
function listOf(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
function rotationGroupOf(inventory, credential) {
  if (!credential.group) return [credential];
  return inventory.credentials.filter((candidate) => candidate.group === credential.group);
}
function storeVerb(inventory) {
  return (inventory.recipients ?? []).length > 0 ? "seal" : "set";
}
function setCommands(inventory, member) {
  const verb = storeVerb(inventory);
  if (member.values !== void 0) {
    return member.deployments.map((deployment) => code(`credledger ${verb} ${member.id} --deployment ${deployment} --value-stdin`));
  }
  return [code(`credledger ${verb} ${member.id} --value-stdin`)];
}
function automaticRotationOf(inventory, credential) {
  const holder = credential.rotation !== void 0 ? credential : inventory.credentials.find((candidate) => candidate.rotation?.secret === credential.id);
  const spec = holder?.rotation;
  if (holder === void 0 || spec === void 0 || spec.driver === "docuelevate-admin-password") return void 0;
  const partner = spec.secret === void 0 ? void 0 : findCredential(inventory, spec.secret);
  if (spec.driver === "aws-iam-access-key" && partner === void 0) return void 0;
  const perDeployment = (member) => member?.values !== void 0 && Object.keys(member.values).length > 0;
  return perDeployment(holder) || perDeployment(partner) ? void 0 : holder;
}
function automaticRepositorySteps(holder) {
  const spec = holder.rotation;
  const aws = spec.driver === "aws-iam-access-key";
  const ids = [holder.id, ...spec.secret === void 0 ? [] : [spec.secret]];
  const deployments = holder.deployments.length > 0 ? listOf(holder.deployments.map(code)) : "its deployments";
  return [
    `credledger rotates ${listOf(ids.map(code))} itself (driver ${code(spec.driver)}): the scheduled rotate workflow (the Action's ${code("command: rotate")}) opens the pull request on its next run. To start now, run ${code(`credledger rotate ${holder.id}`)}: it ${aws ? "creates the new access key at IAM, tests it" : "generates the new value"}, seals it into the branch ${code(`credledger/rotate/${holder.id}`)} and opens a pull request ${aws ? "showing the old \u2192 new key ids" : "with the plan"}, never a value.`,
    `Review and merge that pull request: the apply workflow pushes the new value${ids.length > 1 ? "s" : ""} to ${deployments}.`
  ];
}
function automaticAfterSteps(holder) {
  if (holder.rotation?.driver !== "aws-iam-access-key") {
    return [`Once apply confirmed the new value on every deployment, ${code("credledger rotate --finish")} (the same scheduled workflow) records the rotation finished; there is nothing to revoke.`];
  }
  return [
    `${code("credledger rotate --finish")} (the same scheduled workflow) disables the old access key once every deployment holds the new one, the new key shows use and the old one none, and deletes it after the quiet period (24 h by default): nothing to do by hand in IAM.`
  ];
}
function repositorySteps(inventory, credential) {
  if (credential.setting === SESSION_SECRET_SETTING) return sessionSecretRepositorySteps(inventory, credential);
  const members = rotationGroupOf(inventory, credential);
  const steps = [];
  const held = members.filter((member) => member.value !== void 0 || member.values !== void 0);
  const untracked = members.filter((member) => member.value === void 0 && member.values === void 0);
  if (members.length > 1) {
    steps.push(
      `${code(credential.id)} belongs to group ${code(credential.group ?? "")}: change ${listOf(members.map((m) => code(m.id)))} in the same pull request, so apply pushes them back to back.`
    );
  }
  const sealing = storeVerb(inventory) === "seal";
  for (const member of held) {
    const how = sealing ? "Seal the new value" : "Encrypt the new value";
    const why = sealing ? ` It seals for the inventory's ${code("encryption.recipients")} (no key needed), reads the value from standard input and records today as ${code("rotated")}.` : ` It reads the value from standard input and records today as ${code("rotated")}.`;
    steps.push(`${how} of ${code(member.id)} into the inventory: ${setCommands(inventory, member).join(", ")}.${why}`);
  }
  for (const member of untracked) {
    steps.push(
      `credledger holds no value for ${code(member.id)}: update ${code(member.setting)} in DocuElevate as you usually do and set ${code("rotated:")} to today for ${code(member.id)} in the inventory, or let credledger hold it from now on with ${setCommands(inventory, member).join(", ")}.`
    );
  }
  if (held.length === 0 || credential.deployments.length === 0) {
    steps.push("Open a pull request with the change and merge it after review.");
    return steps;
  }
  const deployments = listOf(credential.deployments.map(code));
  steps.push(`Open a pull request. Its plan should show ${listOf(held.map((m) => code(m.id)))} rotated and ${listOf(held.map((m) => code(`set ${m.setting}`)))} on ${deployments}.`);
  steps.push(`Merge it after review: the apply workflow pushes the new value${held.length > 1 ? "s" : ""} to ${deployments}.`);
  return steps;
}
function sessionSecretRepositorySteps(inventory, credential) {
  const held = credential.value !== void 0 || credential.values !== void 0;
  return [
    held ? `Record the new value in the inventory, for break-glass: ${setCommands(inventory, credential).join(", ")} (it sets ${code("rotated")} to today). DocuElevate ignores the copy apply writes to its database; consider tracking ${code(credential.id)} without a value.` : `Set ${code("rotated:")} to today for ${code(credential.id)} in the inventory; it holds no value, as DocuElevate takes the secret from each deployment's environment.`,
    "Open a pull request with the change and merge it after review, then rotate the secret in each environment as below."
  ];
}
function afterMergeSteps(credential, members) {
  const steps = [];
  const restart = members.filter((member) => member.setting !== SESSION_SECRET_SETTING && findSetting(member.setting)?.restartRequired === true);
  if (restart.length > 0 && credential.deployments.length > 0) {
    steps.push(
      `DocuElevate reads ${listOf(restart.map((m) => code(m.setting)))} only at start-up: restart api and worker (${code("docker compose restart api worker")}) on ${listOf(credential.deployments.map(code))}.`
    );
  }
  if (members.some((member) => member.setting === SESSION_SECRET_SETTING)) {
    for (const deployment of credential.deployments) {
      steps.push(
        `On ${code(deployment)}: set ${code("SESSION_SECRET_PREVIOUS")} to the old secret and ${code("SESSION_SECRET")} to the new one in its environment, and restart api and worker (${code("docker compose restart api worker")}).`,
        `Then re-encrypt the settings DocuElevate holds in its database under the new secret: ${code(`credledger apply --rehydrate ${deployment}`)}.`,
        `Then remove ${code("SESSION_SECRET_PREVIOUS")} from the environment of ${code(deployment)} and restart api and worker again.`
      );
    }
  }
  return steps;
}
var SELF_ISSUED_KINDS = /* @__PURE__ */ new Set(["session_secret", "admin_password"]);
function buildRunbook(inventory, assessment) {
  const { credential } = assessment;
  const members = rotationGroupOf(inventory, credential);
  const context = {
    issuer: credential.issuer ? code(credential.issuer) : "its issuer",
    issuerAside: credential.issuer ? ` (${code(credential.issuer)})` : "",
    refer: (setting) => {
      const holder = inventory.credentials.find((candidate) => candidate.setting === setting);
      return holder ? code(holder.id) : code(setting);
    }
  };
  const procedure = (ownValue(SETTING_PROCEDURES, credential.setting) ?? KIND_PROCEDURES[credential.kind])(context);
  const cautions = [...procedure.cautions ?? []];
  const issuer = [];
  const after = [];
  if (assessment.severity === "critical") {
    if (SELF_ISSUED_KINDS.has(credential.kind)) {
      cautions.unshift("The current value may be in someone else's hands and stays valid until the new one is applied: go through these steps today.");
      issuer.push("Review DocuElevate's audit log for use you do not recognise.");
    } else {
      cautions.unshift("The current value may be in someone else's hands: revoke it now, before the replacement is ready, even if DocuElevate loses access meanwhile.");
      issuer.push(`Revoke or disable the current value at ${context.issuer} now.`);
      issuer.push("Review the issuer's logs and DocuElevate's audit log for use you do not recognise.");
    }
  }
  for (const reason of assessment.reasons) {
    if (reason.code === "personnel" && reason.person) {
      issuer.push(`${code(reason.person)} could read this value (${reason.text}): revoke any key or grant issued under their own account at ${context.issuer}, and keep the new value from them.`);
    }
  }
  const rotator = automaticRotationOf(inventory, credential);
  if (rotator === void 0) issuer.push(...procedure.before);
  after.push(...afterMergeSteps(credential, members), ...rotator === void 0 ? procedure.after : automaticAfterSteps(rotator));
  if (assessment.severity === "critical") after.push("Tell the people who need to know, as your incident response plan says.");
  const steps = [
    ...issuer.map((text) => ({ phase: "issuer", text })),
    ...(rotator === void 0 ? repositorySteps(inventory, credential) : automaticRepositorySteps(rotator)).map((text) => ({ phase: "repository", text })),
    ...after.map((text) => ({ phase: "after-merge", text }))
  ];
  return { credentialId: credential.id, cautions, steps };
}
var PHASE_HEADINGS = {
  issuer: "Get the new value",
  repository: "In this repository",
  "after-merge": "After the merge"
};
function renderRunbookMarkdown(runbook) {
  const parts = [];
  if (runbook.cautions.length > 0) parts.push(runbook.cautions.map((caution) => `> **Note:** ${caution}`).join("\n>\n"));
  for (const phase of ["issuer", "repository", "after-merge"]) {
    const steps = runbook.steps.filter((step) => step.phase === phase);
    if (steps.length === 0) continue;
    parts.push(`**${PHASE_HEADINGS[phase]}**

${steps.map((step) => `- [ ] ${step.text}`).join("\n")}`);
  }
  return parts.join("\n\n");
}

// src/core/rotation-issues.ts
var DEFAULT_ISSUE_LABEL = "credential-rotation";
var SEVERITY_LABELS = ["overdue", "due-soon", "compromised"];
var SEVERITY_DEFINITIONS = {
  overdue: { color: "b60205", description: "A credential rotation is past its due date" },
  "due-soon": { color: "fbca04", description: "A credential rotation is due soon" },
  compromised: { color: "000000", description: "A credential may have leaked: rotate it now" }
};
function labelDefinitions(label) {
  return [
    { name: label, color: "5319e7", description: "Credential rotation reminders kept by credledger" },
    ...SEVERITY_LABELS.map((name) => ({ name, ...SEVERITY_DEFINITIONS[name] }))
  ];
}
function issueMarker(credentialId) {
  return `<!-- credledger:id=${credentialId} -->`;
}
var MARKER_PATTERN = /^<!-- credledger:id=([A-Za-z0-9][A-Za-z0-9_.-]*) -->\r?$/m;
function readIssueMarker(body) {
  return body ? MARKER_PATTERN.exec(body)?.[1] : void 0;
}
var CLOSE_STATE_REASONS = {
  rotated: "completed",
  removed: "not_planned",
  duplicate: "duplicate"
};
var COUNT_KEYS = {
  create: "created",
  update: "updated",
  close: "closed",
  reopen: "reopened",
  unchanged: "unchanged"
};
function countIssueActions(actions) {
  const counts = { created: 0, updated: 0, closed: 0, reopened: 0, unchanged: 0 };
  for (const action of actions) counts[COUNT_KEYS[action.kind]] += 1;
  return counts;
}
function isWriteAction(action) {
  return action.kind !== "unchanged";
}
function renderIssueTitle(credential, state, due) {
  return `Rotate ${credential.id} (${credential.setting}) \u2014 ${state === "overdue" ? `overdue since ${due}` : `due ${due}`}`;
}
function listOrNone(items, none) {
  return items.length > 0 ? items.map(markdownCode).join(", ") : none;
}
function ownerCell(inventory, credential) {
  const person = inventory.people.get(credential.owner);
  const details = [person?.name ? markdownText(person.name) : void 0, person?.github ? `GitHub ${markdownCode(person.github)}` : void 0].filter(Boolean);
  return `${markdownCode(credential.owner)}${details.length > 0 ? ` (${details.join(", ")})` : ""}`;
}
function intervalCell(assessment) {
  if (assessment.interval) return assessment.interval.text;
  return `none: a ${markdownCode(assessment.credential.kind)} is rotated on events`;
}
function summaryLine(assessment, due) {
  const { credential } = assessment;
  const subject = `**${markdownCode(credential.id)}** (${markdownCode(credential.setting)})`;
  if (assessment.severity === "critical") return `${subject} may be compromised: rotate it now. It has been overdue since ${due}.`;
  if (assessment.state === "overdue") return `${subject} is **overdue**: its rotation was due on ${due}.`;
  return `${subject} is **due soon**: rotate it by ${due}.`;
}
function renderIssueBody(inventory, assessment, due, options) {
  const { credential } = assessment;
  const login = inventory.people.get(credential.owner)?.github;
  const lines = [issueMarker(credential.id)];
  if (options.mentionOwner && login) lines.push(`@${login}: you own this credential; credledger could not assign this issue to you.`, "");
  lines.push(summaryLine(assessment, due), "", "**Why**", "");
  lines.push(...assessment.reasons.map((reason) => `- ${markdownText(reason.text)}`), "");
  const rows = [
    ["Setting", markdownCode(credential.setting)],
    ["Kind", markdownCode(credential.kind)],
    ["Deployments", listOrNone(credential.deployments, "none listed in the inventory")],
    ["Owner", ownerCell(inventory, credential)],
    ["Access", listOrNone(credential.access, "nobody else")]
  ];
  if (credential.issuer) rows.push(["Issuer", markdownCode(credential.issuer)]);
  if (credential.group) rows.push(["Group", markdownCode(credential.group)]);
  rows.push(["Last rotation", assessment.lastRotated ?? "not recorded"], ["Interval", intervalCell(assessment)], ["Due", due]);
  lines.push(markdownTable(["", ""], rows), "");
  lines.push("### Runbook", "", renderRunbookMarkdown(buildRunbook(inventory, assessment)), "");
  lines.push(
    "---",
    "<sub>credledger keeps this issue in step with the inventory on each scheduled run and closes it once the rotation is merged. It rewrites the text above when the inventory changes; labels, assignees and comments that people add stay.</sub>"
  );
  return `${lines.join("\n")}
`;
}
function buildDesiredIssues(inventory, now, options = {}) {
  const label = options.label ?? DEFAULT_ISSUE_LABEL;
  const issues = [];
  const standing = /* @__PURE__ */ new Map();
  const assess = rotationAssessor(inventory, now);
  for (const credential of inventory.credentials) {
    const assessment = assess(credential);
    const { state, due } = assessment;
    if (state !== "overdue" && state !== "due-soon" || due === void 0) {
      standing.set(credential.id, { id: credential.id, state, lastRotated: assessment.lastRotated, due });
      continue;
    }
    const assignee = inventory.people.get(credential.owner)?.github;
    issues.push({
      id: credential.id,
      title: renderIssueTitle(credential, state, due),
      body: renderIssueBody(inventory, assessment, due, { mentionOwner: false }),
      unassignedBody: renderIssueBody(inventory, assessment, due, { mentionOwner: true }),
      labels: [label, state, ...assessment.severity === "critical" ? ["compromised"] : []],
      assignee,
      state,
      due
    });
  }
  issues.sort((a, b) => a.id.localeCompare(b.id));
  return { label, issues, standing };
}
function sameLogin(a, b) {
  return a.toLowerCase() === b.toLowerCase();
}
function expectedBody(desired, existing) {
  if (desired.assignee === void 0) return desired.body;
  return existing.assignees.some((login) => sameLogin(login, desired.assignee)) ? desired.body : desired.unassignedBody;
}
function ownerAssignment(desired, existing) {
  if (desired.assignee === void 0 || existing.assignees.some((login) => sameLogin(login, desired.assignee))) return void 0;
  return { login: desired.assignee, assignedBody: desired.body };
}
function mergedLabels(existing, desired, managed) {
  const kept = existing.filter((name) => !managed.has(name.toLowerCase()));
  return [...kept, ...desired];
}
function sameLabelSet(a, b) {
  const left = new Set(a.map((name) => name.toLowerCase()));
  const right = new Set(b.map((name) => name.toLowerCase()));
  return left.size === right.size && [...left].every((name) => right.has(name));
}
function normalisedText(text) {
  return text.replace(/\r\n?/g, "\n").trimEnd();
}
function changesFor(desired, existing, managed) {
  const changes = {};
  if (existing.title.trim() !== desired.title) changes.title = desired.title;
  const body = expectedBody(desired, existing);
  if (normalisedText(existing.body) !== normalisedText(body)) changes.body = body;
  const labels = mergedLabels(existing.labels, desired.labels, managed);
  if (!sameLabelSet(existing.labels, labels)) changes.labels = labels;
  return changes;
}
function hasChanges(changes) {
  return changes.title !== void 0 || changes.body !== void 0 || changes.labels !== void 0;
}
function closeComment(id, standing) {
  if (!standing) return { reason: "removed", comment: `${markdownCode(id)} is no longer in the inventory, so credledger is closing this issue.` };
  const facts = [standing.lastRotated ? `last rotation ${standing.lastRotated}` : void 0, standing.due ? `next due ${standing.due}` : void 0].filter(Boolean);
  return { reason: "rotated", comment: `${markdownCode(id)} is no longer due${facts.length > 0 ? ` (${facts.join(", ")})` : ""}, so credledger is closing this issue.` };
}
function reopenComment(desired) {
  return `${markdownCode(desired.id)} is ${desired.state === "overdue" ? `overdue since ${desired.due}` : `due again on ${desired.due}`}, so credledger is reopening this issue.`;
}
function planIssueReconciliation(desired, existing) {
  const managed = new Set([desired.label, ...desired.managedLabels ?? SEVERITY_LABELS].map((name) => name.toLowerCase()));
  const byId = /* @__PURE__ */ new Map();
  for (const issue of existing) byId.set(issue.id, [...byId.get(issue.id) ?? [], issue]);
  const actions = [];
  const closes = [];
  for (const want of desired.issues) {
    const candidates = byId.get(want.id) ?? [];
    byId.delete(want.id);
    const open = candidates.filter((issue) => issue.state === "open").sort((a, b) => a.number - b.number);
    const closed = candidates.filter((issue) => issue.state === "closed").sort((a, b) => b.number - a.number);
    const [primary, ...duplicates] = open;
    if (primary) {
      const changes = changesFor(want, primary, managed);
      const ref = { id: want.id, number: primary.number, url: primary.url };
      const assign = hasChanges(changes) ? ownerAssignment(want, primary) : void 0;
      actions.push(hasChanges(changes) ? { kind: "update", ...ref, changes, ...assign ? { assign } : {} } : { kind: "unchanged", ...ref });
      for (const duplicate of duplicates) {
        closes.push({
          kind: "close",
          id: want.id,
          number: duplicate.number,
          url: duplicate.url,
          reason: "duplicate",
          comment: `Duplicate of #${primary.number}, which tracks ${markdownCode(want.id)}; credledger is closing this one.`
        });
      }
      continue;
    }
    const latest = closed[0];
    if (latest) {
      const assign = ownerAssignment(want, latest);
      actions.push({ kind: "reopen", id: want.id, number: latest.number, url: latest.url, changes: changesFor(want, latest, managed), comment: want.reopenComment ?? reopenComment(want), ...assign ? { assign } : {} });
      continue;
    }
    actions.push({ kind: "create", id: want.id, title: want.title, body: want.body, unassignedBody: want.unassignedBody, labels: want.labels, assignee: want.assignee });
  }
  const leftover = [...byId.entries()].sort(([a], [b]) => a.localeCompare(b));
  for (const [id, issues] of leftover) {
    for (const issue of issues.filter((candidate) => candidate.state === "open").sort((a, b) => a.number - b.number)) {
      closes.push({ kind: "close", id, number: issue.number, url: issue.url, ...desired.closeComment?.(id) ?? closeComment(id, desired.standing.get(id)) });
    }
  }
  return [...actions, ...closes];
}

export {
  DEFAULT_ISSUE_LABEL,
  labelDefinitions,
  issueMarker,
  readIssueMarker,
  CLOSE_STATE_REASONS,
  countIssueActions,
  isWriteAction,
  buildDesiredIssues,
  planIssueReconciliation
};
