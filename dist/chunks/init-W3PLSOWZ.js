import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  readConfiguredSettings
} from "./chunk-HRPQZHUL.js";
import "./chunk-LKPYZ5YL.js";
import {
  checkDeploymentUrl
} from "./chunk-SRZ2AMBU.js";
import "./chunk-45NTUV52.js";
import "./chunk-NTY5ZNUX.js";
import {
  renderCatalogueInventory,
  renderLiveInventory
} from "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-X75H72PA.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import {
  ExternalError,
  UsageError
} from "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";

// src/app/init.ts
import { open } from "node:fs/promises";
async function initInventory(request) {
  let text;
  let configured;
  if (request.live === void 0) {
    text = renderCatalogueInventory(request.deployment);
  } else {
    const why = checkDeploymentUrl(request.deployment.url, request.live.allowInsecureHttp === true);
    if (why !== void 0) throw new UsageError(`--from-url ${request.deployment.url} ${why}`);
    const { id, url, usernameEnv, passwordEnv } = request.deployment;
    const read = await readConfiguredSettings({ id, url, auth: { method: "login", usernameEnv, passwordEnv } }, request.live);
    if ("error" in read) {
      throw new ExternalError(`cannot read what ${url} has configured: ${read.error.message}`, {
        ...read.error.status === void 0 ? {} : { status: read.error.status },
        ...read.error.detail === void 0 ? {} : { detail: read.error.detail }
      });
    }
    configured = read.configured.map((entry) => ({ key: entry.key, source: entry.source === "db" ? "db" : "env" }));
    text = renderLiveInventory(request.deployment, configured);
  }
  await writeNewFile(request.file, text, request.force);
  return { file: request.file, from: request.live === void 0 ? "catalogue" : "deployment", ...configured === void 0 ? {} : { configured } };
}
async function writeNewFile(file, text, force) {
  let handle;
  try {
    handle = await open(file, force ? "w" : "wx", 420);
  } catch (error) {
    const code = error.code;
    if (code === "EEXIST") throw new UsageError(`${file} already exists; init does not overwrite it (pass --force to replace it)`);
    throw new ExternalError(`cannot write ${file}: ${code ?? error.message}`, { cause: error });
  }
  try {
    await handle.writeFile(text, "utf8");
  } finally {
    await handle.close();
  }
}
export {
  initInventory
};
