import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  checkDeploymentUrl
} from "./chunk-SRZ2AMBU.js";
import {
  SecretValue
} from "./chunk-NTY5ZNUX.js";
import {
  credentialsInUrl,
  displayDeploymentUrl
} from "./chunk-JDF2SXMV.js";
import {
  describeSuggestion
} from "./chunk-HF3DDANW.js";
import {
  rememberRunSecret
} from "./chunk-QL6ADRZ6.js";
import {
  ExternalError,
  RequestError,
  UsageError
} from "./chunk-KLADGNWY.js";

// src/app/deployment-connection.ts
function describeUnresolvedAuth(resolved) {
  return { message: resolved.error, missingEnv: resolved.missingEnv };
}
function selectDeployments(inventory, selection) {
  const known = [...inventory.deployments.keys()];
  const wanted = /* @__PURE__ */ new Set([...selection.deployments ?? known, ...selection.also ?? []]);
  const unknown = [...wanted].filter((id) => !inventory.deployments.has(id));
  if (unknown.length > 0) {
    const hint = unknown.length === 1 ? describeSuggestion(unknown[0] ?? "", known) : "";
    throw new UsageError(`unknown deployment${unknown.length === 1 ? "" : "s"} ${unknown.join(", ")} (the inventory has ${known.join(", ") || "none"})${hint}`);
  }
  const selected = known.filter((id) => wanted.has(id));
  for (const deployment of inventory.deployments.values()) for (const secret of credentialsInUrl(deployment.url)) rememberRunSecret(secret);
  const refused = selected.flatMap((id) => {
    const deployment = inventory.deployments.get(id);
    const why = checkDeploymentUrl(deployment.url, selection.allowInsecureHttp === true);
    return why === void 0 ? [] : [`deployment ${id}: ${displayDeploymentUrl(deployment.url)} ${why}`];
  });
  if (refused.length > 0) throw new UsageError(refused.join("\n"));
  return selected;
}
function resolveDeploymentAuth(deployment, env, onSecret, fallbackPasswords = []) {
  const auth = deployment.auth;
  const read = (name) => {
    const value = env[name];
    return value === void 0 || value === "" ? void 0 : value;
  };
  const missing = (names) => ({
    error: `${names.join(" and ")} ${names.length === 1 ? "is" : "are"} not set: the auth of deployment ${deployment.id} (method ${auth.method}) reads ${names.length === 1 ? "it" : "them"} from the environment, so ${deployment.id} was not contacted; set ${names.length === 1 ? "it" : "them"} (in GitHub Actions, from secrets)`,
    missingEnv: names
  });
  const secret = (text) => {
    const value = new SecretValue(text);
    onSecret?.(value);
    return value;
  };
  switch (auth.method) {
    case "none":
      return { auth: { method: "none" } };
    case "bearer": {
      const token = read(auth.tokenEnv);
      return token === void 0 ? missing([auth.tokenEnv]) : { auth: { method: "bearer", token: secret(token), source: auth.tokenEnv } };
    }
    case "session": {
      const cookie = read(auth.cookieEnv);
      return cookie === void 0 ? missing([auth.cookieEnv]) : { auth: { method: "session", cookie: secret(cookie), source: auth.cookieEnv } };
    }
    case "login": {
      const username = read(auth.usernameEnv);
      const password = read(auth.passwordEnv);
      const absent = [username === void 0 ? auth.usernameEnv : void 0, password === void 0 ? auth.passwordEnv : void 0].filter(
        (name) => name !== void 0
      );
      if (username === void 0 || password === void 0) return missing(absent);
      return {
        auth: {
          method: "login",
          username,
          password: secret(password),
          source: `${auth.usernameEnv}/${auth.passwordEnv}`,
          ...fallbackPasswords.length === 0 ? {} : { fallbackPasswords }
        }
      };
    }
  }
}
async function readCredentialSources(connection) {
  try {
    await connection.authenticate();
    return { sources: await connection.listCredentialSources() };
  } catch (error) {
    return { error: describeConnectionFailure(error) };
  }
}
function describeConnectionFailure(error) {
  if (error instanceof RequestError) {
    return { message: error.message, ...error.status === void 0 ? {} : { status: error.status }, ...error.detail === void 0 ? {} : { detail: error.detail } };
  }
  if (error instanceof ExternalError) return { message: error.message };
  throw error;
}

export {
  describeUnresolvedAuth,
  selectDeployments,
  resolveDeploymentAuth,
  readCredentialSources,
  describeConnectionFailure
};
