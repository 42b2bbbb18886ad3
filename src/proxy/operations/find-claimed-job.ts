import type { HubJob } from '../hub/hub-jobs';
import type { ProxyContext } from './proxy-context';

// A start claims its operation (startClaimedAt) before it asks the hub for a job, so a job the hub
// created but the proxy never recorded (the record write failed, or the proxy died) is always
// behind a claim without a jobId. This finds that job in the hub's list.
//
// The hub echoes the container URIs only in the create response: GET and list drop
// inputBlobContainerUri and blank outputBlobContainerUri
// (docs/reference/hub-wire-contract.md#recorded-traffic, the emulator does the same), so a job
// cannot be matched by its container. It is matched by what the claim pins down instead: a job of
// the operation's kind that the hub started within the claim's window, after every job the hub had
// when the claim was made, and that no other operation has recorded. The hub runs one import/export
// job at a time, so two unrecorded jobs starting within one window are rare; when it happens the
// start is refused rather than guessed (START_UNCERTAIN), and an admin decides.

/**
 * How long after its claim a start's create call can still land at the hub: the create has a 15 s
 * timeout and up to 3 retries on 429 with backoff (hub-transport.ts), well under this.
 */
export const CLAIM_WINDOW_MS = 2 * 60_000;
/** Allowance for the proxy's clock (the claim) against the hub's (startTimeUtc). */
const CLOCK_SKEW_MS = 30_000;

/**
 * What the claim records of the hub's list: the newest start time in it (hub clock), or undefined
 * for an empty list. Jobs that existed at the claim are never its own.
 */
export function newestJobStart(hubJobs: HubJob[]): string | undefined {
  let newest: { at: number; text: string } | undefined;
  for (const job of hubJobs) {
    const at = Date.parse(job.startTimeUtc ?? '');
    if (Number.isFinite(at) && (!newest || at > newest.at))
      newest = { at, text: job.startTimeUtc ?? '' };
  }
  return newest?.text;
}

export type ClaimedJobSearch =
  { kind: 'found'; job: HubJob } | { kind: 'none' } | { kind: 'ambiguous'; jobIds: string[] };

export async function findClaimedJob(
  context: Pick<ProxyContext, 'index'>,
  claim: {
    operationId: string;
    kind: 'import' | 'export';
    claimedAt: string;
    afterJobAt?: string | undefined;
  },
  hubJobs: HubJob[],
): Promise<ClaimedJobSearch> {
  const { operationId, kind, claimedAt } = claim;
  const from = Date.parse(claimedAt) - CLOCK_SKEW_MS;
  const to = Date.parse(claimedAt) + CLAIM_WINDOW_MS + CLOCK_SKEW_MS;
  const newerThan = claim.afterJobAt ? Date.parse(claim.afterJobAt) : -Infinity;
  const inWindow = hubJobs.filter((job) => {
    const started = Date.parse(job.startTimeUtc ?? '');
    return (
      job.type.toLowerCase() === kind && started >= from && started <= to && started > newerThan
    );
  });
  const unrecorded: HubJob[] = [];
  for (const job of inWindow) {
    const owner = await context.index.byJobId(job.jobId);
    if (!owner || owner.operationId === operationId) unrecorded.push(job);
  }
  const [only, ...more] = unrecorded;
  if (!only) return { kind: 'none' };
  if (more.length) return { kind: 'ambiguous', jobIds: unrecorded.map((job) => job.jobId) };
  return { kind: 'found', job: only };
}

/** True when a claim is so old that a create it made can no longer reach the hub. */
export function claimExpired(claimedAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(claimedAt) > CLAIM_WINDOW_MS + CLOCK_SKEW_MS;
}
