import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  describeSuggestion
} from "./chunk-HF3DDANW.js";
import {
  findCredential,
  ownValue
} from "./chunk-X75H72PA.js";
import {
  UsageError
} from "./chunk-KLADGNWY.js";

// src/app/value-place.ts
function requireCredential(inventory, id) {
  const credential = findCredential(inventory, id);
  if (credential) return credential;
  const known = inventory.credentials.map((candidate) => candidate.id);
  throw new UsageError(`no credential \`${id}\` in the inventory (it has: ${known.join(", ") || "none"})${describeSuggestion(id, known)}`);
}
function requireDeployment(inventory, credential, deployment) {
  if (!inventory.deployments.has(deployment)) {
    const known = [...inventory.deployments.keys()];
    throw new UsageError(`no deployment \`${deployment}\` in the inventory (it has: ${known.join(", ") || "none"})${describeSuggestion(deployment, known)}`);
  }
  if (!credential.deployments.includes(deployment)) {
    throw new UsageError(`\`${credential.id}\` is not pushed to \`${deployment}\` (its deployments: ${credential.deployments.join(", ") || "none"})`);
  }
}
function choosePlaceToSet(inventory, credential, deployment) {
  if (deployment !== void 0) {
    requireDeployment(inventory, credential, deployment);
    if (credential.value !== void 0) {
      throw new UsageError(
        `\`${credential.id}\` has one \`value\` for every deployment: leave out --deployment to rotate it, or, to give each deployment its own value, delete its \`value:\` line and run set with --deployment for each of ${credential.deployments.join(", ")}`
      );
    }
    return { credentialId: credential.id, deployment };
  }
  if (credential.values !== void 0 && credential.value === void 0) {
    const [only, ...others] = credential.deployments;
    if (only !== void 0 && others.length === 0) return { credentialId: credential.id, deployment: only };
    throw new UsageError(`\`${credential.id}\` has a value per deployment: pass --deployment (one of ${credential.deployments.join(", ")})`);
  }
  return { credentialId: credential.id };
}
function sealedValueAt(credential, place) {
  return place.deployment === void 0 ? credential.value : ownValue(credential.values, place.deployment);
}
function choosePlaceToRead(inventory, credential, deployment) {
  if (deployment !== void 0) {
    requireDeployment(inventory, credential, deployment);
    if (ownValue(credential.values, deployment) !== void 0) return { credentialId: credential.id, deployment };
    return credential.value === void 0 ? void 0 : { credentialId: credential.id };
  }
  if (credential.value !== void 0) return { credentialId: credential.id };
  const written = Object.keys(credential.values ?? {});
  if (written.length === 0) return void 0;
  const [only, ...others] = written;
  if (only !== void 0 && others.length === 0) return { credentialId: credential.id, deployment: only };
  throw new UsageError(`\`${credential.id}\` has a value per deployment: pass --deployment (one of ${written.join(", ")})`);
}

export {
  requireCredential,
  choosePlaceToSet,
  sealedValueAt,
  choosePlaceToRead
};
