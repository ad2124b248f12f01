// What the jobs of one Action run share: the settings, the event, and what they accumulate for outputs and the summary.
import * as core from '@actions/core';
import { reportStatus, type StatusResult } from '../app/status.js';
import type { CalendarDate } from '../core/dates.js';
import type { InventoryCheck } from '../core/inventory-validation.js';
import type { SecretValue } from '../crypto/secret-value.js';
import type { ActionSettings, RunnerSettings } from './action-settings.js';
import { annotateDiagnostics } from './annotations.js';
import type { ResolvedJob, WorkflowEvent } from './workflow-event.js';

export interface ActionOutputs {
  changed: boolean;
  overdue: number;
  dueSoon: number;
  deployments: string[];
  plan: string;
  /** rotate: what `rotate --due` did per due credential (ids only), as JSON. */
  rotations?: readonly Record<string, unknown>[];
  /** rotate: each rotation under way and the phase `rotate --finish` left it in, as JSON. */
  finished?: readonly Record<string, unknown>[];
}

export interface ActionRun {
  readonly settings: ActionSettings;
  readonly runner: RunnerSettings;
  readonly event: WorkflowEvent;
  readonly today: CalendarDate;
  readonly jobs: readonly ResolvedJob[];
  readonly outputs: ActionOutputs;
  /** The inventory's status, read once for the outputs and the status job. */
  status?: Promise<StatusResult>;
  readonly failures: string[];
  readonly summary: string[];
}

export type Job = (run: ActionRun) => Promise<void>;

/** The repository the run is for, `owner/name`. */
export function repositoryOf(run: ActionRun): string {
  return `${run.event.owner}/${run.event.repo}`;
}

/** Registers a decrypted value or an auth secret with the runner's masker, before anything can print it. */
export function maskSecret(secret: SecretValue): void {
  // A declared identifier (an AWS access key id) is shown, as it is outside the runner: AWS treats it as no secret.
  if (secret.isIdentifier) return;
  const text = secret.reveal();
  if (text.length === 0) return;
  core.setSecret(text);
  // The runner matches masks line by line: a PEM key or a JSON credentials file needs each line masked too.
  for (const line of text.split(/\r?\n/)) if (line.trim().length >= 4 && line !== text) core.setSecret(line);
}

/** An inventory with errors stops a job: its errors become annotations, the step fails. */
export function reportInvalidInventory(run: ActionRun, check: InventoryCheck, consequence: string): void {
  annotateDiagnostics(check.errors);
  run.failures.push(`${run.settings.file} is invalid; ${consequence}`);
}

export function statusOf(run: ActionRun): Promise<StatusResult> {
  run.status ??= reportStatus({ file: run.settings.file, now: run.settings.now || run.today, today: run.today });
  return run.status;
}

/** Outputs every job can use: the deployments (for a matrix) and the rotation counts, when the inventory reads. */
export async function fillInventoryOutputs(run: ActionRun): Promise<void> {
  const { check, report } = await statusOf(run).catch(() => ({ check: undefined, report: undefined }));
  if (check?.inventory) {
    const names = [...check.inventory.deployments.keys()];
    run.outputs.deployments = run.settings.deployments.length > 0 ? names.filter((name) => run.settings.deployments.includes(name)) : names;
  }
  if (report) {
    run.outputs.overdue = report.summary.overdue;
    run.outputs.dueSoon = report.summary['due-soon'];
  }
}

export function writeOutputs(outputs: ActionOutputs): void {
  core.setOutput('changed', outputs.changed ? 'true' : 'false');
  core.setOutput('overdue', String(outputs.overdue));
  core.setOutput('due-soon', String(outputs.dueSoon));
  core.setOutput('deployments', JSON.stringify(outputs.deployments));
  core.setOutput('plan', outputs.plan);
  if (outputs.rotations !== undefined) core.setOutput('rotations', JSON.stringify(outputs.rotations));
  if (outputs.finished !== undefined) core.setOutput('finished', JSON.stringify(outputs.finished));
}
