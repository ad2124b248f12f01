// The port through which remind keeps rotation issues; src/adapters/github-issues.ts implements it.
import type { ExistingIssue, IssueChanges, LabelDefinition } from '../core/rotation-issues.js';

/** An issue to open. */
export interface NewIssue {
  readonly id: string;
  /** The label issues are listed by, to look for this one again if the create's outcome is unknown. */
  readonly label: string;
  readonly title: string;
  readonly body: string;
  /** The body to use instead when GitHub refuses `assignee`. */
  readonly unassignedBody: string;
  readonly labels: readonly string[];
  readonly assignee?: string;
}

/** An issue opened; `assigned` is false when GitHub refused or dropped the assignee. */
export interface CreatedIssue {
  readonly number: number;
  readonly url: string;
  readonly assigned: boolean;
}

/** Fields to change on an issue. */
export interface IssueUpdate extends IssueChanges {
  readonly state?: 'open' | 'closed';
  readonly stateReason?: 'completed' | 'not_planned' | 'duplicate' | 'reopened';
}

/** What remind needs from GitHub (implemented by src/adapters/github-issues.ts). */
export interface RotationIssueTracker {
  /** Every issue, open or closed, that carries `label` and a credledger marker; pull requests excluded. */
  listMarkedIssues(label: string): Promise<ExistingIssue[]>;
  /** Creates the missing labels; returns the names created. */
  ensureLabels(labels: readonly LabelDefinition[]): Promise<string[]>;
  createIssue(issue: NewIssue): Promise<CreatedIssue>;
  updateIssue(number: number, update: IssueUpdate): Promise<void>;
  commentOnIssue(number: number, body: string): Promise<void>;
  /** Adds an assignee, keeping the others; false when GitHub dropped it (not someone who can be assigned). */
  addAssignee(number: number, login: string): Promise<boolean>;
}

