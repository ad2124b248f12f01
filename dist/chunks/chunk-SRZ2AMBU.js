import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  findAppliedSetting
} from "./chunk-45NTUV52.js";
import {
  sealedValueFor
} from "./chunk-X75H72PA.js";
import {
  ADMIN_PASSWORD_SETTING,
  findSetting
} from "./chunk-PNS7CLM4.js";

// src/core/apply-plan.ts
var DEFAULT_APPLY_CONCURRENCY = 4;
function listDesiredState(inventory, deployments) {
  const wanted = new Set(deployments);
  const desired = [];
  const targeted = [];
  for (const credential of inventory.credentials) {
    for (const deployment of credential.deployments) {
      if (!wanted.has(deployment)) continue;
      targeted.push({ deployment, credentialId: credential.id, setting: credential.setting });
      const sealed = sealedValueFor(credential, deployment);
      if (sealed === void 0) continue;
      desired.push({
        deployment,
        credentialId: credential.id,
        setting: credential.setting,
        ...credential.group === void 0 ? {} : { group: credential.group },
        restartRequired: findSetting(credential.setting)?.restartRequired ?? false,
        sealed
      });
    }
  }
  return { desired, targeted };
}
function planApply(input) {
  const deployments = input.deployments.map((deployment) => {
    const units = [];
    const groupUnits = /* @__PURE__ */ new Map();
    for (const desired of input.desiredState.desired) {
      if (desired.deployment !== deployment) continue;
      const reason = reasonToSet(input, desired);
      if (reason === void 0) continue;
      const operation = {
        deployment,
        action: "set",
        setting: desired.setting,
        credentialId: desired.credentialId,
        ...desired.group === void 0 ? {} : { group: desired.group },
        restartRequired: desired.restartRequired,
        reason,
        sealed: desired.sealed
      };
      if (desired.group === void 0) {
        units.push({ operations: [operation] });
        continue;
      }
      const existing = groupUnits.get(desired.group);
      if (existing) {
        existing.operations.push(operation);
      } else {
        const unit = { group: desired.group, operations: [operation] };
        groupUnits.set(desired.group, unit);
        units.push(unit);
      }
    }
    const targeted = new Set(input.desiredState.targeted.filter((t) => t.deployment === deployment).map((t) => t.setting));
    const recorded = input.applied.deployments.get(deployment) ?? /* @__PURE__ */ new Map();
    for (const setting of [...recorded.keys()].sort()) {
      if (targeted.has(setting)) continue;
      const record = recorded.get(setting);
      units.push({
        operations: [
          {
            deployment,
            action: "delete",
            setting,
            credentialId: record.credential,
            restartRequired: findSetting(setting)?.restartRequired ?? false,
            reason: "removed"
          }
        ]
      });
    }
    return { deployment, units: moveAdminPasswordLast(units) };
  });
  return { deployments };
}
function moveAdminPasswordLast(units) {
  const writesAdminPassword = (unit) => unit.operations.some((operation) => operation.setting === ADMIN_PASSWORD_SETTING && operation.action === "set");
  return [...units.filter((unit) => !writesAdminPassword(unit)), ...units.filter(writesAdminPassword)];
}
function reasonToSet(input, desired) {
  const record = findAppliedSetting(input.applied, desired.deployment, desired.setting);
  if (record === void 0) return "new";
  if (record.credential !== desired.credentialId || !input.isApplied(desired, record)) return "changed";
  if (input.rehydrate?.deployment === desired.deployment && input.rehydrate.settings.has(desired.setting)) return "rehydrate";
  return input.all ? "all" : void 0;
}
function listPlannedOperations(plan) {
  return plan.deployments.flatMap((deployment) => deployment.units.flatMap((unit) => unit.operations));
}
function checkDeploymentUrl(url, allowInsecureHttp) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return "is not a URL";
  }
  if (parsed.username !== "" || parsed.password !== "") return "carries credentials in the URL: put them in environment variables named by auth";
  if (parsed.protocol === "https:") return void 0;
  if (parsed.protocol !== "http:") return `uses ${parsed.protocol.replace(/:$/, "")}, not https`;
  if (allowInsecureHttp || isLoopbackHost(parsed.hostname)) return void 0;
  return "uses http:// to a host that is not loopback: credentials would cross the network in clear (use https, or pass --allow-insecure-http)";
}
function isLoopbackHost(hostname) {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (host === "localhost" || host === "::1") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export {
  DEFAULT_APPLY_CONCURRENCY,
  listDesiredState,
  planApply,
  listPlannedOperations,
  checkDeploymentUrl
};
