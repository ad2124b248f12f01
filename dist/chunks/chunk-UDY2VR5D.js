import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);

// src/wiring/rotation.ts
function createRotationDrivers(env, tuning = {}) {
  const cache = /* @__PURE__ */ new Map();
  return async (spec) => {
    const key = `${spec.driver}|${spec.region ?? ""}`;
    const known = cache.get(key);
    if (known) return known;
    let driver;
    switch (spec.driver) {
      case "aws-iam-access-key": {
        const { AwsIamAccessKeyDriver } = await import("./aws-iam-access-key-driver-U72BBI7P.js");
        const accessKeyId = env.AWS_ACCESS_KEY_ID;
        const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
        driver = new AwsIamAccessKeyDriver({
          endpoint: env.AWS_ENDPOINT_URL_IAM || env.AWS_ENDPOINT_URL || void 0,
          region: spec.region ?? (env.AWS_REGION || void 0),
          credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, ...env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {} } : void 0,
          ...tuning.probeDelayMs === void 0 ? {} : { probeDelayMs: tuning.probeDelayMs }
        });
        break;
      }
      case "docuelevate-admin-password":
        driver = (await import("./generated-secret-driver-B72PI4BR.js")).createAdminPasswordDriver();
        break;
      case "generated-secret":
        driver = new (await import("./generated-secret-driver-B72PI4BR.js")).GeneratedSecretDriver();
        break;
    }
    cache.set(key, driver);
    return driver;
  };
}
async function openRotationRepository(options) {
  return (await import("./rotation-git-27UHYOSZ.js")).openRotationGit(options);
}
async function gitHubRotationReview(options) {
  return (await import("./github-pull-requests-F6RUDYGV.js")).createGitHubRotationReview(options);
}
function appliedStateReader(directory, env) {
  return async () => {
    const { openGitAppliedStateStore } = await import("./applied-state-store-VWM5MRTT.js");
    return (await (await openGitAppliedStateStore({ directory, env })).load()).state;
  };
}

export {
  createRotationDrivers,
  openRotationRepository,
  gitHubRotationReview,
  appliedStateReader
};
