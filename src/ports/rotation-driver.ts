// The rotation ports: what `credledger rotate` asks of an issuer (the driver), of git (branches and the rotation
// state ref) and of the review host (pull requests, and an issue when an old credential comes back to life).
import type { Credential, Inventory, RotationSpec } from '../core/inventory.js';
import type { RotationStateDocument } from '../core/rotation-state.js';
import type { SecretValue } from '../crypto/secret-value.js';

/** The credential(s) one rotation replaces: the one carrying `rotation:` and, for a key pair, its partner. */
export interface RotationTarget {
  readonly inventory: Inventory;
  /** The credential with the `rotation:` spec. */
  readonly credential: Credential;
  readonly spec: RotationSpec;
  /** Every credential whose value the rotation writes, the spec's own first (aws: key id, then secret). */
  readonly credentials: readonly Credential[];
}

/** An issuer-side credential as the issuer describes it. Ids and times only, never the secret. */
export interface IssuerCredential {
  readonly issuerId: string;
  readonly status: 'active' | 'inactive';
  readonly created?: Date;
  readonly lastUsed?: Date;
  /** The rotation id the issuer object is tagged with, when credledger created it. */
  readonly rotationId?: string;
}

/** What preflight found: whether a rotation may start, and the issuer credentials it saw. */
export type Preflight =
  | {
      readonly ok: true;
      /** The credential in use (the one to replace), when the issuer has ids. */
      readonly current?: IssuerCredential;
      /** Credentials a previous run of this rotation id created (tagged), found on the issuer. */
      readonly leftovers: readonly IssuerCredential[];
    }
  | { readonly ok: false; readonly reason: string };

/** A new credential, created at the issuer: its id and its values per credential of the target. */
export interface MintedCredential {
  readonly issuerId?: string;
  /** credential id → new value. */
  readonly values: ReadonlyMap<string, SecretValue>;
}

export interface ProbeResult {
  readonly ok: boolean;
  /** What the probe showed, safe to print (e.g. the ARN STS answered with). */
  readonly detail: string;
}

/**
 * One driver per kind of issuer. Overlap drivers (`strategy: 'overlap'`) hold two live credentials during a
 * rotation: the new one is created first and the old one retired on evidence. Swap drivers replace the value
 * in one step (the old value dies when the new one is set), so their values are made in the apply job.
 */
export interface RotationDriver {
  readonly name: string;
  readonly strategy: 'overlap' | 'swap';
  /** Whether the issuer reports use (last used): only then is the old credential retired on evidence. */
  readonly tracksUse: boolean;
  /** The rotator can act, a slot is free, and the credential in use is found. Creates nothing. */
  preflight(target: RotationTarget, rotationId: string): Promise<Preflight>;
  /** The issuer's view of one credential, or undefined when it does not exist (any more). */
  describe(target: RotationTarget, issuerId: string): Promise<IssuerCredential | undefined>;
  /** Creates the new credential, tagged with `rotationId` so a re-run finds it. */
  create(target: RotationTarget, rotationId: string): Promise<MintedCredential>;
  /** Tries the new credential (e.g. STS GetCallerIdentity with it). */
  test(target: RotationTarget, minted: MintedCredential): Promise<ProbeResult>;
  /** When the credential was last used, as the issuer tells; undefined when never (or unknown). */
  usage(target: RotationTarget, issuerId: string): Promise<Date | undefined>;
  /** Reversibly disables a credential. */
  retire(target: RotationTarget, issuerId: string): Promise<void>;
  /** Enables a retired credential again. */
  restore(target: RotationTarget, issuerId: string): Promise<void>;
  /** Deletes a credential for good; one that is already gone counts as done. */
  revoke(target: RotationTarget, issuerId: string): Promise<void>;
  /** Deletes a new credential that was never applied, and its rotation tag; already gone counts as done. */
  discard(target: RotationTarget, rotationId: string, issuerId: string | undefined): Promise<void>;
}

/** Makes the driver a `rotation:` spec names; called only for credentials that are actually rotated. */
export type RotationDriverFactory = (spec: RotationSpec) => RotationDriver | Promise<RotationDriver>;

/** What rotations need of git; the real one commits in a throwaway worktree and keeps the state on its own ref. */
export interface RotationRepository {
  /** The inventory file's path inside the repository. */
  readonly file: string;
  /** The remote rotation branches and the state are shared through (`origin`). */
  readonly remote: string;
  /** The default branch's name on the remote (`main`). */
  defaultBranch(): Promise<string>;
  /** The inventory text at the tip of a remote branch (fetched first), or undefined when the branch does not exist. */
  readRemoteBranchFile(branch: string): Promise<string | undefined>;
  /** Commits `text` as the inventory on a new branch off the remote branch `base` and pushes it. Returns the commit. */
  commitBranch(branch: string, base: string, text: string, message: string): Promise<string>;
  deleteRemoteBranch(branch: string): Promise<void>;
  /** The commit at the tip of a remote branch, or undefined when there is no such branch. */
  remoteBranchCommit(branch: string): Promise<string | undefined>;
  /**
   * The first commit of the remote branch `base` (fetched first) whose change to the inventory brought in `text`
   * (git's pickaxe), or undefined when the branch does not hold it.
   */
  commitIntroducing(base: string, text: string): Promise<string | undefined>;
  /** Whether `ancestor` is `descendant` or one of its ancestors (both must have been fetched). */
  isAncestor(ancestor: string, descendant: string): Promise<boolean>;
  /** The rotation state as the remote holds it. */
  loadState(): Promise<RotationStateDocument>;
  /** Records the state as one commit on the rotation ref and pushes it (compare-and-swap on what was loaded). */
  saveState(state: RotationStateDocument, message: string): Promise<void>;
}

/** A pull request as the review host shows it. */
export interface PullRequestInfo {
  readonly number: number;
  readonly url: string;
  readonly state: 'open' | 'merged' | 'closed';
}

/** What rotations need of the review host (GitHub). */
export interface RotationReview {
  /** The newest pull request from `branch`, whatever its state. */
  findPullRequest(branch: string): Promise<PullRequestInfo | undefined>;
  openPullRequest(request: { branch: string; base: string; title: string; body: string }): Promise<PullRequestInfo>;
  closePullRequest(number: number, comment: string): Promise<void>;
  openIssue(request: { title: string; body: string; labels: readonly string[] }): Promise<{ number: number; url: string }>;
}
