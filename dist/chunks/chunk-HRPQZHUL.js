import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  readCredentialSources,
  resolveDeploymentAuth
} from "./chunk-LKPYZ5YL.js";

// src/app/configured-settings.ts
async function readConfiguredSettings(deployment, options) {
  const resolved = resolveDeploymentAuth(deployment, options.env);
  if ("error" in resolved) return { error: { message: resolved.error } };
  const connection = options.connect(deployment, resolved.auth);
  try {
    const listing = await readCredentialSources(connection);
    if ("error" in listing) return listing;
    return { configured: listing.sources.filter((entry) => entry.source !== null) };
  } finally {
    await connection.close().catch(() => void 0);
  }
}

export {
  readConfiguredSettings
};
