// Use case: write a starting inventory, from DocuElevate's catalogue or from what a live deployment reports configured.
import { open } from 'node:fs/promises';
import { checkDeploymentUrl } from '../core/apply-plan.js';
import { renderCatalogueInventory, renderLiveInventory, type ConfiguredSetting, type InitDeployment } from '../core/init-inventory.js';
import { readConfiguredSettings, type ConfiguredSettingsOptions } from './configured-settings.js';
import { ExternalError, UsageError } from '../ports/errors.js';

export interface InitRequest {
  readonly file: string;
  /** Overwrite an existing file. */
  readonly force: boolean;
  readonly deployment: InitDeployment;
  /** `--from-url`: read the deployment's configured credentials (auth from these variables) instead of the catalogue. */
  readonly live?: ConfiguredSettingsOptions & { readonly allowInsecureHttp?: boolean };
}

export interface InitResult {
  readonly file: string;
  readonly from: 'catalogue' | 'deployment';
  /** With a deployment: the settings it reported configured, in its order. */
  readonly configured?: readonly ConfiguredSetting[];
}

/**
 * Writes the starting inventory. Refuses to overwrite an existing file without `force`.
 * @throws UsageError for an existing file, or a URL that is refused; ExternalError when the deployment cannot be read.
 */
export async function initInventory(request: InitRequest): Promise<InitResult> {
  let text: string;
  let configured: ConfiguredSetting[] | undefined;
  if (request.live === undefined) {
    text = renderCatalogueInventory(request.deployment);
  } else {
    const why = checkDeploymentUrl(request.deployment.url, request.live.allowInsecureHttp === true);
    if (why !== undefined) throw new UsageError(`--from-url ${request.deployment.url} ${why}`);
    const { id, url, usernameEnv, passwordEnv } = request.deployment;
    const read = await readConfiguredSettings({ id, url, auth: { method: 'login', usernameEnv, passwordEnv } }, request.live);
    if ('error' in read) {
      throw new ExternalError(`cannot read what ${url} has configured: ${read.error.message}`, {
        ...(read.error.status === undefined ? {} : { status: read.error.status }),
        ...(read.error.detail === undefined ? {} : { detail: read.error.detail }),
      });
    }
    configured = read.configured.map((entry) => ({ key: entry.key, source: entry.source === 'db' ? 'db' : 'env' }));
    text = renderLiveInventory(request.deployment, configured);
  }
  await writeNewFile(request.file, text, request.force);
  return { file: request.file, from: request.live === undefined ? 'catalogue' : 'deployment', ...(configured === undefined ? {} : { configured }) };
}

async function writeNewFile(file: string, text: string, force: boolean): Promise<void> {
  let handle;
  try {
    handle = await open(file, force ? 'w' : 'wx', 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${file} already exists; init does not overwrite it (pass --force to replace it)`);
    throw new ExternalError(`cannot write ${file}: ${code ?? (error as Error).message}`, { cause: error });
  }
  try {
    await handle.writeFile(text, 'utf8');
  } finally {
    await handle.close();
  }
}
