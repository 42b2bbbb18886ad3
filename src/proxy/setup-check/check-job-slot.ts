import { HubRequestError } from '../hub/hub-errors';
import { findActiveJob } from '../operations/active-job';
import type { CheckOutcome, SetupCheckDeps } from './setup-check-deps';
import { ok, skipped } from './setup-check-deps';

// A hub runs one import or export job at a time; a job left running (by this console, a script or
// another tool) makes every start wait. Reported as a warning: it is state, not configuration.
export async function checkJobSlot(deps: Pick<SetupCheckDeps, 'hub'>): Promise<CheckOutcome> {
  let jobs;
  try {
    jobs = await deps.hub.listJobs();
  } catch (error) {
    // Why the hub refused or did not answer is the hub check's finding, not this one's.
    if (error instanceof HubRequestError)
      return skipped('The jobs list could not be read; see the hub check.');
    throw error;
  }
  const active = findActiveJob(jobs);
  if (!active) return ok("The hub's job slot is free.");
  return {
    status: 'warning',
    code: 'JOB_SLOT_BUSY',
    summary: `The hub's one job slot is held by ${active.type} job ${active.jobId} (${active.status}${active.startTimeUtc ? `, since ${active.startTimeUtc}` : ''}); new imports and exports wait for it.`,
    fix: 'Wait for it to finish, or cancel it from its job page if it is stuck.',
    details: { jobId: active.jobId, type: active.type },
  };
}
