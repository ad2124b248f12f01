// What apply will do: the desired settings of each deployment against the applied state, as ordered operations.
import { findAppliedSetting, type AppliedSetting, type AppliedState } from './applied-state.js';
import { ADMIN_PASSWORD_SETTING, findSetting } from './docuelevate-catalogue.js';
import { sealedValueFor, type Inventory, type SealedValueEntry } from './inventory.js';

/** The default number of settings written to one deployment at a time. */
export const DEFAULT_APPLY_CONCURRENCY = 4;

/** A setting a deployment should hold: which credential's value, from where in the file. */
export interface DesiredSetting {
  readonly deployment: string;
  readonly credentialId: string;
  readonly setting: string;
  readonly group?: string;
  /** From the DocuElevate catalogue: takes effect only after `docker compose restart api worker`. */
  readonly restartRequired: boolean;
  readonly sealed: SealedValueEntry;
}

/** A setting some credential is pushed to on a deployment, with or without a value in the file. */
export interface TargetedSetting {
  readonly deployment: string;
  readonly credentialId: string;
  readonly setting: string;
}

/** The inventory's wishes for some deployments. */
export interface DesiredState {
  /** Settings with a value to push, in inventory order. */
  readonly desired: readonly DesiredSetting[];
  /**
   * Every (deployment, setting) a credential targets, including those without a value: apply leaves
   * those alone, and must not delete them either.
   */
  readonly targeted: readonly TargetedSetting[];
}

/**
 * Lists what the inventory wants on the given deployments. A credential without a value for a
 * deployment is tracked for rotation only: targeted, not desired.
 */
export function listDesiredState(inventory: Inventory, deployments: readonly string[]): DesiredState {
  const wanted = new Set(deployments);
  const desired: DesiredSetting[] = [];
  const targeted: TargetedSetting[] = [];
  for (const credential of inventory.credentials) {
    for (const deployment of credential.deployments) {
      if (!wanted.has(deployment)) continue;
      targeted.push({ deployment, credentialId: credential.id, setting: credential.setting });
      const sealed = sealedValueFor(credential, deployment);
      if (sealed === undefined) continue;
      desired.push({
        deployment,
        credentialId: credential.id,
        setting: credential.setting,
        ...(credential.group === undefined ? {} : { group: credential.group }),
        restartRequired: findSetting(credential.setting)?.restartRequired ?? false,
        sealed,
      });
    }
  }
  return { desired, targeted };
}

/** Why an operation is pending. */
export type ApplyReason =
  /** Nothing recorded for this setting on this deployment. */
  | 'new'
  /** The recorded value (fingerprint, key or credential) differs from the inventory's. */
  | 'changed'
  /** Recorded as applied, pushed again because of `--all`. */
  | 'all'
  /** Held in DocuElevate's database, pushed again because of `--rehydrate`. */
  | 'rehydrate'
  /** Recorded as applied, no longer targeted by any credential: deleted from the database. */
  | 'removed';

/** One request apply will make. */
export interface ApplyOperation {
  readonly deployment: string;
  readonly action: 'set' | 'delete';
  readonly setting: string;
  /** The credential whose value is set, or whose recorded value is deleted. */
  readonly credentialId: string;
  readonly group?: string;
  readonly restartRequired: boolean;
  readonly reason: ApplyReason;
  /** The encrypted value to push (set only). */
  readonly sealed?: SealedValueEntry;
}

/** Operations performed back to back: one operation, or the pending members of a group in inventory order. */
export interface ApplyUnit {
  readonly group?: string;
  readonly operations: readonly ApplyOperation[];
}

/** A deployment's operations in order: sets in inventory order (groups at their first member), then deletions. */
export interface DeploymentApplyPlan {
  readonly deployment: string;
  readonly units: readonly ApplyUnit[];
}

export interface ApplyPlan {
  /** One entry per selected deployment, in the order given, including those with nothing to do. */
  readonly deployments: readonly DeploymentApplyPlan[];
}

export interface PlanApplyInput {
  readonly desiredState: DesiredState;
  readonly applied: AppliedState;
  /** The deployments apply works on, in report order. */
  readonly deployments: readonly string[];
  /** `--all`: push every desired setting whatever the state says. */
  readonly all?: boolean;
  /** `--rehydrate`: settings of one deployment to push again because DocuElevate holds them in its database. */
  readonly rehydrate?: { readonly deployment: string; readonly settings: ReadonlySet<string> };
  /**
   * Whether the recorded value is the one the inventory holds now. The caller decides with the key ring
   * (fingerprints are keyed), which keeps this planner free of crypto.
   */
  readonly isApplied: (desired: DesiredSetting, record: AppliedSetting) => boolean;
}

/** Computes the operations apply performs, in the order it performs them; `--dry-run` prints exactly this. */
export function planApply(input: PlanApplyInput): ApplyPlan {
  const deployments = input.deployments.map((deployment): DeploymentApplyPlan => {
    const units: { group?: string; operations: ApplyOperation[] }[] = [];
    const groupUnits = new Map<string, { group?: string; operations: ApplyOperation[] }>();
    for (const desired of input.desiredState.desired) {
      if (desired.deployment !== deployment) continue;
      const reason = reasonToSet(input, desired);
      if (reason === undefined) continue;
      const operation: ApplyOperation = {
        deployment,
        action: 'set',
        setting: desired.setting,
        credentialId: desired.credentialId,
        ...(desired.group === undefined ? {} : { group: desired.group }),
        restartRequired: desired.restartRequired,
        reason,
        sealed: desired.sealed,
      };
      if (desired.group === undefined) {
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
    const recorded = input.applied.deployments.get(deployment) ?? new Map<string, AppliedSetting>();
    for (const setting of [...recorded.keys()].sort()) {
      if (targeted.has(setting)) continue;
      const record = recorded.get(setting) as AppliedSetting;
      units.push({
        operations: [
          {
            deployment,
            action: 'delete',
            setting,
            credentialId: record.credential,
            restartRequired: findSetting(setting)?.restartRequired ?? false,
            reason: 'removed',
          },
        ],
      });
    }
    return { deployment, units: moveAdminPasswordLast(units) };
  });
  return { deployments };
}

/**
 * Puts the unit that writes admin_password after every other one (the order is otherwise kept): DocuElevate's
 * login takes a new admin password at once, so it changes only once nothing else is left to write.
 */
function moveAdminPasswordLast<T extends { readonly operations: readonly ApplyOperation[] }>(units: readonly T[]): T[] {
  const writesAdminPassword = (unit: T) => unit.operations.some((operation) => operation.setting === ADMIN_PASSWORD_SETTING && operation.action === 'set');
  return [...units.filter((unit) => !writesAdminPassword(unit)), ...units.filter(writesAdminPassword)];
}

function reasonToSet(input: PlanApplyInput, desired: DesiredSetting): ApplyReason | undefined {
  const record = findAppliedSetting(input.applied, desired.deployment, desired.setting);
  if (record === undefined) return 'new';
  if (record.credential !== desired.credentialId || !input.isApplied(desired, record)) return 'changed';
  if (input.rehydrate?.deployment === desired.deployment && input.rehydrate.settings.has(desired.setting)) return 'rehydrate';
  return input.all ? 'all' : undefined;
}

/** Every operation of a plan, in order. */
export function listPlannedOperations(plan: ApplyPlan): ApplyOperation[] {
  return plan.deployments.flatMap((deployment) => deployment.units.flatMap((unit) => unit.operations));
}

/**
 * Whether a deployment URL may be used: https anywhere; http only on loopback (127.0.0.0/8, ::1,
 * localhost) unless insecure http is allowed. Returns the reason it may not, or undefined.
 */
export function checkDeploymentUrl(url: string, allowInsecureHttp: boolean): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  // A password in the URL would end up in every report that names the deployment.
  if (parsed.username !== '' || parsed.password !== '') return 'carries credentials in the URL: put them in environment variables named by auth';
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol !== 'http:') return `uses ${parsed.protocol.replace(/:$/, '')}, not https`;
  if (allowInsecureHttp || isLoopbackHost(parsed.hostname)) return undefined;
  return 'uses http:// to a host that is not loopback: credentials would cross the network in clear (use https, or pass --allow-insecure-http)';
}

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost' || host === '::1') return true;
  // WHATWG URL parsing normalises every IPv4 spelling (0x7f.1, 2130706433) to dotted decimal.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
