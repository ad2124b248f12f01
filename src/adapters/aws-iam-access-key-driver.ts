// Rotation driver for an IAM user's access key pair: two slots per user, new key first, the old one retired on its last-used evidence.
import {
  CreateAccessKeyCommand,
  DeleteAccessKeyCommand,
  GetAccessKeyLastUsedCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListUserTagsCommand,
  TagUserCommand,
  UntagUserCommand,
  UpdateAccessKeyCommand,
  type AccessKeyMetadata,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ExternalError, UsageError } from '../ports/errors.js';
import type { IssuerCredential, MintedCredential, Preflight, ProbeResult, RotationDriver, RotationTarget } from '../ports/rotation-driver.js';
import { SecretValue } from '../crypto/secret-value.js';

/** AWS allows two access keys per IAM user. */
export const ACCESS_KEYS_PER_USER = 2;

/** How the driver reaches AWS (or an emulator such as moto). */
export interface AwsIamDriverOptions {
  /** IAM and STS endpoint; default AWS's own. */
  readonly endpoint?: string;
  /** Default us-east-1 (IAM is global; STS answers in any region). */
  readonly region?: string;
  /** The rotator's own credentials; default the SDK's provider chain (environment, profile, instance role). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };
  /** How often, and how far apart, the new key is tried (IAM is eventually consistent: a new key may take seconds). */
  readonly probeAttempts?: number;
  readonly probeDelayMs?: number;
}

/** The user tag that marks a create in flight: `<rotation id>@<time>`, set before CreateAccessKey. */
export function markerTagKey(credentialId: string): string {
  return `credledger-rotation:${credentialId}`;
}

/** The console keeps an access key's description as a user tag named by the key id; credledger writes `credledger <rotation id>` there. */
function descriptionFor(rotationId: string): string {
  return `credledger ${rotationId}`;
}

function readDescription(value: string | undefined): string | undefined {
  return /^credledger (rot-[0-9a-f]+)$/.exec(value ?? '')?.[1];
}

function errorName(error: unknown): string {
  return (error as { name?: string }).name ?? '';
}

function requireUser(target: RotationTarget): string {
  const user = target.spec.user;
  if (user === undefined) throw new UsageError(`credentials.${target.credential.id}.rotation needs \`user\`: the IAM user whose access key this is`);
  return user;
}

export class AwsIamAccessKeyDriver implements RotationDriver {
  readonly name = 'aws-iam-access-key';
  readonly strategy = 'overlap' as const;
  readonly tracksUse = true;
  private readonly iam: IAMClient;

  constructor(private readonly options: AwsIamDriverOptions) {
    this.iam = new IAMClient(this.clientConfig(options.credentials));
  }

  private clientConfig(credentials: AwsIamDriverOptions['credentials']) {
    return {
      region: this.options.region ?? 'us-east-1',
      ...(this.options.endpoint === undefined ? {} : { endpoint: this.options.endpoint }),
      ...(credentials === undefined ? {} : { credentials: { ...credentials } }),
      maxAttempts: 3,
    };
  }

  private async call<T>(what: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      const name = errorName(error);
      const message = error instanceof Error ? error.message : String(error);
      const hint =
        name === 'CredentialsProviderError'
          ? ' (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a profile, for the rotator)'
          : name === 'AccessDenied' || name === 'AccessDeniedException'
            ? ' (the rotator needs iam:ListAccessKeys, CreateAccessKey, UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed, TagUser, UntagUser, ListUserTags)'
            : '';
      throw new ExternalError(`AWS IAM: ${what} failed (${name || 'error'}: ${message})${hint}`, { cause: error });
    }
  }

  private async listKeys(user: string): Promise<AccessKeyMetadata[]> {
    const answer = await this.call(`listing the access keys of IAM user ${user}`, () => this.iam.send(new ListAccessKeysCommand({ UserName: user })));
    return answer.AccessKeyMetadata ?? [];
  }

  private async listTags(user: string): Promise<Map<string, string>> {
    const answer = await this.call(`reading the tags of IAM user ${user}`, () => this.iam.send(new ListUserTagsCommand({ UserName: user })));
    return new Map((answer.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? '']));
  }

  private toIssuer(key: AccessKeyMetadata, tags: ReadonlyMap<string, string>): IssuerCredential {
    const issuerId = key.AccessKeyId ?? '';
    return { issuerId, status: key.Status === 'Active' ? 'active' : 'inactive', created: key.CreateDate, rotationId: readDescription(tags.get(issuerId)) };
  }

  async preflight(target: RotationTarget, rotationId: string): Promise<Preflight> {
    const user = requireUser(target);
    let keys: AccessKeyMetadata[];
    try {
      keys = await this.listKeys(user);
    } catch (error) {
      if (errorName((error as ExternalError).cause) === 'NoSuchEntityException') return { ok: false, reason: `IAM user ${user} does not exist (rotation.user of ${target.credential.id})` };
      throw error;
    }
    const tags = await this.listTags(user);
    const described = keys.map((key) => this.toIssuer(key, tags));
    const marker = /^(rot-[0-9a-f]+)@(.+)$/.exec(tags.get(markerTagKey(target.credential.id)) ?? '');
    const markedAt = marker?.[1] === rotationId ? Date.parse(marker[2] ?? '') : Number.NaN;
    const recorded = target.spec.keyId;
    // Ours: tagged with this rotation id, or created after this rotation's marker by a run that died before tagging it.
    const leftovers = described.filter(
      (key) => key.issuerId !== recorded && (key.rotationId === rotationId || (key.rotationId === undefined && key.created !== undefined && key.created.getTime() >= markedAt - 1000)),
    );
    let current: IssuerCredential | undefined;
    if (recorded !== undefined) {
      current = described.find((key) => key.issuerId === recorded);
      if (current === undefined) {
        return {
          ok: false,
          reason: `the access key recorded in credentials.${target.credential.id}.rotation.key_id (${recorded}) is not a key of IAM user ${user} (it has ${described.map((key) => key.issuerId).join(', ') || 'none'}): record the key DocuElevate uses`,
        };
      }
    } else {
      const others = described.filter((key) => !leftovers.includes(key));
      if (others.length !== 1) {
        return {
          ok: false,
          reason: `IAM user ${user} has ${others.length} access keys and credentials.${target.credential.id}.rotation.key_id does not say which one DocuElevate uses: record it (key_id: AKIA…)`,
        };
      }
      current = others[0];
    }
    const taken = described.filter((key) => !leftovers.includes(key));
    if (taken.length >= ACCESS_KEYS_PER_USER) {
      const list = taken.map((key) => `${key.issuerId} (${key.status}${key.issuerId === current?.issuerId ? ', in use' : ''})`).join(' and ');
      const spare = taken.find((key) => key.issuerId !== current?.issuerId);
      return {
        ok: false,
        reason: `both access-key slots of IAM user ${user} are taken: ${list}. AWS allows ${ACCESS_KEYS_PER_USER} keys per user and the rotation needs one free for the new key. If nothing uses ${spare?.issuerId ?? 'the other key'}, delete it (\`aws iam delete-access-key --user-name ${user} --access-key-id ${spare?.issuerId ?? '<id>'}\`), or finish the rotation in progress (\`credledger rotate --finish\`), then run rotate again. Nothing was created.`,
      };
    }
    return { ok: true, current, leftovers };
  }

  async describe(target: RotationTarget, issuerId: string): Promise<IssuerCredential | undefined> {
    const user = requireUser(target);
    const [keys, tags] = [await this.listKeys(user), await this.listTags(user)];
    const key = keys.find((candidate) => candidate.AccessKeyId === issuerId);
    if (key === undefined) return undefined;
    return { ...this.toIssuer(key, tags), lastUsed: await this.usage(target, issuerId) };
  }

  async create(target: RotationTarget, rotationId: string): Promise<MintedCredential> {
    const user = requireUser(target);
    const [idCredential, secretCredential] = target.credentials;
    if (idCredential === undefined || secretCredential === undefined) throw new UsageError(`credentials.${target.credential.id}.rotation needs \`secret\`: the credential holding the secret access key`);
    const marker = markerTagKey(target.credential.id);
    await this.call(`tagging IAM user ${user}`, () => this.iam.send(new TagUserCommand({ UserName: user, Tags: [{ Key: marker, Value: `${rotationId}@${new Date().toISOString()}` }] })));
    const answer = await this.call(`creating an access key for IAM user ${user}`, () => this.iam.send(new CreateAccessKeyCommand({ UserName: user })));
    const accessKeyId = answer.AccessKey?.AccessKeyId;
    const secret = answer.AccessKey?.SecretAccessKey;
    if (accessKeyId === undefined || secret === undefined) throw new ExternalError(`AWS IAM: CreateAccessKey for ${user} answered without a key`);
    await this.call(`tagging access key ${accessKeyId}`, () => this.iam.send(new TagUserCommand({ UserName: user, Tags: [{ Key: accessKeyId, Value: descriptionFor(rotationId) }] })));
    await this.call(`untagging IAM user ${user}`, () => this.iam.send(new UntagUserCommand({ UserName: user, TagKeys: [marker] })));
    return {
      issuerId: accessKeyId,
      values: new Map([
        // The access key id is an identifier (AWS shows it in its console and logs): rotate names it, old → new.
        [idCredential.id, SecretValue.identifier(accessKeyId)],
        [secretCredential.id, new SecretValue(secret)],
      ]),
    };
  }

  async test(target: RotationTarget, minted: MintedCredential): Promise<ProbeResult> {
    const [idCredential, secretCredential] = target.credentials;
    const accessKeyId = minted.values.get(idCredential?.id ?? '')?.reveal();
    const secretAccessKey = minted.values.get(secretCredential?.id ?? '')?.reveal();
    if (accessKeyId === undefined || secretAccessKey === undefined) return { ok: false, detail: 'the new key pair is incomplete' };
    const sts = new STSClient(this.clientConfig({ accessKeyId, secretAccessKey }));
    const attempts = this.options.probeAttempts ?? 5;
    let last = '';
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      try {
        const identity = await sts.send(new GetCallerIdentityCommand({}));
        const arn = identity.Arn ?? '';
        const expected = `:user/${requireUser(target)}`;
        if (!arn.endsWith(expected)) return { ok: false, detail: `STS GetCallerIdentity answered ${arn}, not IAM user ${requireUser(target)}` };
        return { ok: true, detail: `STS GetCallerIdentity: ${arn}` };
      } catch (error) {
        last = `${errorName(error)}: ${error instanceof Error ? error.message : String(error)}`;
        if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, this.options.probeDelayMs ?? 2000));
      }
    }
    return { ok: false, detail: `STS GetCallerIdentity with the new key failed ${attempts} times (${last})` };
  }

  async usage(target: RotationTarget, issuerId: string): Promise<Date | undefined> {
    requireUser(target);
    try {
      const answer = await this.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: issuerId }));
      return answer.AccessKeyLastUsed?.LastUsedDate;
    } catch (error) {
      if (errorName(error) === 'NoSuchEntityException') return undefined;
      return this.call(`reading when ${issuerId} was last used`, () => Promise.reject(error));
    }
  }

  async retire(target: RotationTarget, issuerId: string): Promise<void> {
    await this.setStatus(target, issuerId, 'Inactive');
  }

  async restore(target: RotationTarget, issuerId: string): Promise<void> {
    await this.setStatus(target, issuerId, 'Active');
  }

  private async setStatus(target: RotationTarget, issuerId: string, status: 'Active' | 'Inactive'): Promise<void> {
    const user = requireUser(target);
    await this.call(`setting ${issuerId} ${status.toLowerCase()}`, () => this.iam.send(new UpdateAccessKeyCommand({ UserName: user, AccessKeyId: issuerId, Status: status })));
  }

  async revoke(target: RotationTarget, issuerId: string): Promise<void> {
    const user = requireUser(target);
    await this.deleteKey(user, issuerId);
    await this.untag(user, [issuerId]);
  }

  async discard(target: RotationTarget, _rotationId: string, issuerId: string | undefined): Promise<void> {
    const user = requireUser(target);
    if (issuerId !== undefined) await this.deleteKey(user, issuerId);
    await this.untag(user, [...(issuerId === undefined ? [] : [issuerId]), markerTagKey(target.credential.id)]);
  }

  private async deleteKey(user: string, issuerId: string): Promise<void> {
    try {
      await this.iam.send(new DeleteAccessKeyCommand({ UserName: user, AccessKeyId: issuerId }));
    } catch (error) {
      if (errorName(error) === 'NoSuchEntityException') return;
      await this.call(`deleting ${issuerId}`, () => Promise.reject(error));
    }
  }

  private async untag(user: string, keys: readonly string[]): Promise<void> {
    await this.call(`untagging IAM user ${user}`, () => this.iam.send(new UntagUserCommand({ UserName: user, TagKeys: [...keys] })));
  }
}
