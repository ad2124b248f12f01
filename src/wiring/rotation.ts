// Composition root, rotation side: the drivers a `rotation:` spec names (configured from the environment: the rotator's
// AWS credentials and endpoint), the git repository and GitHub's pull requests.
import type { RotationSpec } from '../core/inventory.js';
import type { GitHubIssuesOptions } from '../adapters/github-issues.js';
import type { RotationGitOptions } from '../adapters/rotation-git.js';
import type { AppliedState } from '../core/applied-state.js';
import type { RotationDriver, RotationDriverFactory, RotationRepository, RotationReview } from '../ports/rotation-driver.js';

/**
 * The real drivers. AWS: the rotator's credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY /
 * AWS_SESSION_TOKEN (else the SDK's provider chain: profile, instance role), the endpoint from AWS_ENDPOINT_URL_IAM
 * or AWS_ENDPOINT_URL (an emulator such as moto), the region from the spec, AWS_REGION, else us-east-1.
 */
export function createRotationDrivers(env: Readonly<Record<string, string | undefined>>, tuning: { probeDelayMs?: number } = {}): RotationDriverFactory {
  const cache = new Map<string, RotationDriver>();
  // Loaded on first use: the AWS SDK is the heaviest thing credledger bundles, and most runs never need it.
  return async (spec: RotationSpec) => {
    const key = `${spec.driver}|${spec.region ?? ''}`;
    const known = cache.get(key);
    if (known) return known;
    let driver: RotationDriver;
    switch (spec.driver) {
      case 'aws-iam-access-key': {
        const { AwsIamAccessKeyDriver } = await import('../adapters/aws-iam-access-key-driver.js');
        const accessKeyId = env.AWS_ACCESS_KEY_ID;
        const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
        driver = new AwsIamAccessKeyDriver({
          endpoint: env.AWS_ENDPOINT_URL_IAM || env.AWS_ENDPOINT_URL || undefined,
          region: spec.region ?? (env.AWS_REGION || undefined),
          credentials:
            accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) } : undefined,
          ...(tuning.probeDelayMs === undefined ? {} : { probeDelayMs: tuning.probeDelayMs }),
        });
        break;
      }
      case 'docuelevate-admin-password':
        driver = (await import('../adapters/generated-secret-driver.js')).createAdminPasswordDriver();
        break;
      case 'generated-secret':
        driver = new (await import('../adapters/generated-secret-driver.js')).GeneratedSecretDriver();
        break;
    }
    cache.set(key, driver);
    return driver;
  };
}

// The git and GitHub adapters below are imported when first called, as the drivers are: `rotate --due` with
// nothing due loads this module and calls none of them (Octokit alone is a 1 MB chunk, simple-git and yaml more).

/** The inventory's git repository for rotations (branches in a throwaway worktree, state on refs/credledger/rotation). */
export async function openRotationRepository(options: RotationGitOptions): Promise<RotationRepository> {
  return (await import('../adapters/rotation-git.js')).openRotationGit(options);
}

/** Rotation pull requests and issues in `options.repository`, through GitHub's REST API. */
export async function gitHubRotationReview(options: GitHubIssuesOptions): Promise<RotationReview> {
  return (await import('../adapters/github-pull-requests.js')).createGitHubRotationReview(options);
}

/** Reads the applied state (refs/credledger/applied) of the repository containing `directory`, from its remote. */
export function appliedStateReader(directory: string, env: Readonly<Record<string, string | undefined>>): () => Promise<AppliedState> {
  return async () => {
    const { openGitAppliedStateStore } = await import('../adapters/applied-state-store.js');
    return (await (await openGitAppliedStateStore({ directory, env })).load()).state;
  };
}
