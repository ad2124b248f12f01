// The apply branch guard: values reach deployments only from the reviewed default branch, not from a feature branch.
import { shortRefName } from '../core/git-refs.js';
import { ExternalError } from '../ports/errors.js';
import type { CheckoutBranches, OpenCheckout } from '../ports/inventory-revisions.js';

export interface ApplyBranchRequest {
  /** A directory inside the working tree the inventory is applied from. */
  readonly directory: string;
  readonly openCheckout: OpenCheckout;
  /**
   * The default branch's name when the host knows it (the Action reads it from the event); otherwise it is found
   * as plan finds it: origin/HEAD, then main, then master.
   */
  readonly defaultBranch?: string;
}

/** Which branch the checkout is on, and whether apply may run from it. */
export interface ApplyBranchCheck {
  readonly defaultBranch: string | undefined;
  readonly branch: string | undefined;
  /** Why apply refuses to run here; undefined when the checkout is on the default branch. */
  readonly refusal: string | undefined;
}

const ESCAPE_HATCH = 'pass --allow-non-default-branch for a deliberate apply from elsewhere';

/**
 * Tells whether the checkout is on the default branch: HEAD on that branch, or a detached HEAD that is part of its
 * history (an older commit of it is the rollback guard's business, not this one's).
 */
export async function checkApplyBranch(request: ApplyBranchRequest): Promise<ApplyBranchCheck> {
  const repository = await request.openCheckout(request.directory);
  let defaultRef: string;
  try {
    defaultRef = request.defaultBranch === undefined ? await repository.defaultBranch() : await refOfBranch(repository, request.defaultBranch);
  } catch (error) {
    if (!(error instanceof ExternalError)) throw error;
    return {
      defaultBranch: request.defaultBranch,
      branch: await repository.currentBranch(),
      refusal: `apply runs only from the default branch, and this clone cannot tell which branch that is (${error.message}); ${ESCAPE_HATCH}`,
    };
  }
  const defaultBranch = shortRefName(defaultRef).replace(/^origin\//, '');
  const branch = await repository.currentBranch();
  if (branch === defaultBranch) return { defaultBranch, branch, refusal: undefined };
  if (branch === undefined && (await repository.isAncestor('HEAD', defaultRef))) return { defaultBranch, branch, refusal: undefined };
  const where = branch === undefined ? `at a detached HEAD that is not part of ${defaultBranch}` : `on branch ${branch}`;
  return {
    defaultBranch,
    branch,
    refusal: `apply runs only from the default branch (${defaultBranch}), and this checkout is ${where}: values reach deployments after review, so merge the change first, or ${ESCAPE_HATCH}`,
  };
}

/** The local branch, else origin's copy of it (a shallow CI checkout may hold only one of them). */
async function refOfBranch(repository: CheckoutBranches, name: string): Promise<string> {
  for (const ref of [`refs/heads/${name}`, `refs/remotes/origin/${name}`]) if (await repository.hasCommit(ref)) return ref;
  // Neither is here: the name alone still tells a checkout on that branch apart from one on another.
  return `refs/heads/${name}`;
}
