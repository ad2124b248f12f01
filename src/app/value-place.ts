// Which value a command means: the credential named on the command line and its `value` or `values.<deployment>`.
import { ownValue } from '../core/own-property.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { describeSuggestion } from '../core/suggestions.js';
import { findCredential, type Credential, type Inventory, type ValuePlace } from '../core/inventory.js';
import type { YamlSource } from '../core/yaml-source.js';
import { UsageError } from '../ports/errors.js';

/** A command that did not run on this inventory, with what must be fixed first, placed in the file. */
export interface Refusal {
  readonly kind: 'refused';
  readonly source: YamlSource;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The credential with this id.
 * @throws UsageError listing the ids the inventory has.
 */
export function requireCredential(inventory: Inventory, id: string): Credential {
  const credential = findCredential(inventory, id);
  if (credential) return credential;
  const known = inventory.credentials.map((candidate) => candidate.id);
  throw new UsageError(`no credential \`${id}\` in the inventory (it has: ${known.join(', ') || 'none'})${describeSuggestion(id, known)}`);
}

function requireDeployment(inventory: Inventory, credential: Credential, deployment: string): void {
  if (!inventory.deployments.has(deployment)) {
    const known = [...inventory.deployments.keys()];
    throw new UsageError(`no deployment \`${deployment}\` in the inventory (it has: ${known.join(', ') || 'none'})${describeSuggestion(deployment, known)}`);
  }
  if (!credential.deployments.includes(deployment)) {
    throw new UsageError(`\`${credential.id}\` is not pushed to \`${deployment}\` (its deployments: ${credential.deployments.join(', ') || 'none'})`);
  }
}

/**
 * Where `set` writes: `values.<deployment>` when a deployment is named, or when the credential
 * already keeps a value per deployment and goes to only one; otherwise the shared `value`.
 * @throws UsageError for an unknown deployment, a deployment named for a credential with one shared
 * `value` (that would leave both forms), or per-deployment values without a deployment named.
 */
export function choosePlaceToSet(inventory: Inventory, credential: Credential, deployment: string | undefined): ValuePlace {
  if (deployment !== undefined) {
    requireDeployment(inventory, credential, deployment);
    if (credential.value !== undefined) {
      throw new UsageError(
        `\`${credential.id}\` has one \`value\` for every deployment: leave out --deployment to rotate it, or, to give each deployment its own value, delete its \`value:\` line and run set with --deployment for each of ${credential.deployments.join(', ')}`,
      );
    }
    return { credentialId: credential.id, deployment };
  }
  if (credential.values !== undefined && credential.value === undefined) {
    const [only, ...others] = credential.deployments;
    if (only !== undefined && others.length === 0) return { credentialId: credential.id, deployment: only };
    throw new UsageError(`\`${credential.id}\` has a value per deployment: pass --deployment (one of ${credential.deployments.join(', ')})`);
  }
  return { credentialId: credential.id };
}

/** The encrypted value at a place, as written in the file (undefined when there is none). */
export function sealedValueAt(credential: Credential, place: ValuePlace): string | undefined {
  return place.deployment === undefined ? credential.value : ownValue(credential.values, place.deployment);
}

/**
 * The value a deployment receives, for `reveal`: `values.<deployment>`, else the shared `value`.
 * Without a deployment: the shared `value`, or the only per-deployment value.
 * @throws UsageError for an unknown deployment, or several per-deployment values and none named.
 */
export function choosePlaceToRead(inventory: Inventory, credential: Credential, deployment: string | undefined): ValuePlace | undefined {
  if (deployment !== undefined) {
    requireDeployment(inventory, credential, deployment);
    if (ownValue(credential.values, deployment) !== undefined) return { credentialId: credential.id, deployment };
    return credential.value === undefined ? undefined : { credentialId: credential.id };
  }
  if (credential.value !== undefined) return { credentialId: credential.id };
  const written = Object.keys(credential.values ?? {});
  if (written.length === 0) return undefined;
  const [only, ...others] = written;
  if (only !== undefined && others.length === 0) return { credentialId: credential.id, deployment: only };
  throw new UsageError(`\`${credential.id}\` has a value per deployment: pass --deployment (one of ${written.join(', ')})`);
}
