import type { AppRole } from '../../../contracts/api';

/**
 * One hub of this console, as the SPA knows it: from /config.json (every configured hub) and from
 * `GET /api/hubs` (the hubs the signed-in user may see, with the user's role on each).
 */
export interface ConsoleHub {
  id: string;
  displayName: string;
  hostName: string;
  /** The user's role on this hub; null where the server does not say per hub (one-hub proxies). */
  role: AppRole | null;
  /**
   * Where this hub's API routes live: `/api/hubs/{id}`, or `/api` for a proxy from before several
   * hubs, whose unprefixed routes are its only hub.
   */
  apiBase: string;
}

export function hubApiBase(hubId: string): string {
  return `/api/hubs/${encodeURIComponent(hubId)}`;
}

/** How confirmations name a hub: the name people use and the host it really is. */
export function hubLabel(hub: Pick<ConsoleHub, 'displayName' | 'hostName'>): string {
  return hub.displayName === hub.hostName
    ? hub.displayName
    : `${hub.displayName} (${hub.hostName})`;
}
