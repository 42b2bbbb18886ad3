import type { QueryClient } from '@tanstack/react-query';
import type { Job } from '../../../../contracts/api';
import {
  exportRefOf,
  fresherRead,
  isTerminal,
  mergeReadIntoList,
  sameExport,
} from '../model/reconcile-export-reads';

// Each read of an export is handed to the other query at once, so the live panel and the list
// agree as soon as either has seen a change (reconcile-export-reads.ts has the rules).

export const EXPORT_LIST_KEY = ['exports', 'list'] as const;

export function exportJobKey(ref: string) {
  return ['exports', 'job', ref] as const;
}

/**
 * After the panel's poll: the list's row shows the same read now, and once the export has ended
 * the list, the jobs page and the hub's active job are read again (counts, size, a free slot).
 */
export function shareJobRead(client: QueryClient, read: Job): void {
  const list = client.getQueryData<Job[]>(EXPORT_LIST_KEY);
  if (list === undefined) return;
  const merged = mergeReadIntoList(list, read);
  if (merged !== null) client.setQueryData<Job[]>(EXPORT_LIST_KEY, merged);
  const listedAsEnded = list.some((job) => sameExport(job, read) && isTerminal(job));
  if (isTerminal(read) && !listedAsEnded) {
    void client.invalidateQueries({ queryKey: EXPORT_LIST_KEY, exact: true });
    void client.invalidateQueries({ queryKey: ['jobs'] });
    void client.invalidateQueries({ queryKey: ['hub-info'] });
  }
}

/**
 * After the list's poll: an export the panel follows takes the list's read when it is fresher, and
 * a list row the panel already saw end keeps that end. Returns the list to show.
 */
export function shareListRead(client: QueryClient, list: readonly Job[]): Job[] {
  return list.map((listed) => {
    const ref = exportRefOf(listed);
    if (ref === null) return listed;
    const followed = client.getQueryData<Job>(exportJobKey(ref));
    if (followed === undefined) return listed;
    const shown = fresherRead(followed, listed);
    if (shown !== followed && isTerminal(shown) && !isTerminal(followed))
      client.setQueryData<Job>(exportJobKey(ref), shown);
    return shown;
  });
}
