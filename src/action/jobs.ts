// Which function runs each job; one file per job under jobs/.
import type { Job } from './action-run.js';
import { applyJob } from './jobs/apply-job.js';
import { auditJob } from './jobs/audit-job.js';
import { planJob } from './jobs/plan-job.js';
import { remindJob } from './jobs/remind-job.js';
import { rotateJob } from './jobs/rotate-job.js';
import { statusJob } from './jobs/status-job.js';
import { validateJob } from './jobs/validate-job.js';
import type { ResolvedJob } from './workflow-event.js';

export const JOBS: Record<ResolvedJob, Job> = {
  validate: validateJob,
  status: statusJob,
  remind: remindJob,
  plan: planJob,
  apply: applyJob,
  audit: auditJob,
  rotate: rotateJob,
};
