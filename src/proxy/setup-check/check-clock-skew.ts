import type { CheckOutcome, SetupCheckDeps } from './setup-check-deps';
import { ok } from './setup-check-deps';

// The proxy's clock against the hub's and storage's `Date` headers. SAS start times and token
// `nbf`/`exp` are judged by their clocks, so a proxy minutes off mints grants that are "not yet
// valid" or already expired. Any answer carries Date, so the requests are anonymous.

const LIMIT_SECONDS = 120;

export async function checkClockSkew(
  deps: Pick<SetupCheckDeps, 'fetch' | 'now' | 'hub' | 'storage'>,
): Promise<CheckOutcome> {
  const targets = {
    hub: `https://${deps.hub.hostName}/statistics/devices?api-version=2021-04-12`,
    storage: `${deps.storage.blobEndpoint.replace(/\/+$/, '')}?restype=service&comp=properties`,
  };
  const skews: Record<string, number> = {};
  for (const [name, url] of Object.entries(targets)) {
    try {
      const before = deps.now().getTime();
      const response = await deps.fetch(url, { method: 'GET' });
      await response.text();
      const after = deps.now().getTime();
      const date = Date.parse(response.headers.get('date') ?? '');
      // HTTP dates have whole seconds; compare with the middle of the round trip.
      if (!Number.isNaN(date)) skews[name] = Math.round((date - (before + after) / 2) / 1000);
    } catch {
      // Unreachable services are reported by their own checks.
    }
  }
  const details = Object.fromEntries(
    Object.entries(skews).map(([name, seconds]) => [`${name}Seconds`, String(seconds)]),
  );
  if (Object.keys(skews).length === 0)
    return {
      status: 'warning',
      code: 'CLOCK_UNKNOWN',
      summary:
        'Neither the hub nor storage answered with a Date header; the clock could not be compared.',
    };
  const worst = Object.entries(skews).reduce((a, b) => (Math.abs(b[1]) > Math.abs(a[1]) ? b : a));
  if (Math.abs(worst[1]) > LIMIT_SECONDS)
    return {
      status: 'problem',
      code: 'CLOCK_SKEW',
      summary: `The proxy's clock is ${Math.abs(worst[1])} s ${worst[1] > 0 ? 'behind' : 'ahead of'} ${worst[0]}'s; SAS grants and tokens may be refused as not yet valid or expired.`,
      fix: "Synchronise the proxy host's clock (NTP). Azure's hosts are kept in time; a skew usually means a local machine or a container with a frozen or wrong clock.",
      details,
    };
  return ok(
    `The proxy's clock agrees with the hub and storage (within ${LIMIT_SECONDS} s).`,
    details,
  );
}
