import type { RegistryQueryResponse } from '../../../../contracts/api/registry';
import { formatCount } from '../../../lib/format';
import type { RegistryFilter } from '../../../workers/registry/registry-filter';

// A selection the hub makes (docs/bulk-flows.md, "Select by hub query" and "Stale devices"): the
// query sent, and the words the filter, the reason above the import wizard and the page use for
// it. The stale-device query compares lastActivityTime, the hub's record of the device's last
// device-to-cloud message, with the start of the chosen day in UTC; a device that never sent one
// reports 0001-01-01 and so is stale for any date.

export type HubSelection = NonNullable<RegistryFilter['hubSelection']>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The query for "no activity since `day`" (YYYY-MM-DD), or null when it is not a date. */
export function staleDevicesQuery(day: string): string | null {
  if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) return null;
  return `SELECT * FROM devices WHERE lastActivityTime < '${day}T00:00:00Z'`;
}

export function staleLabel(day: string): string {
  return `no activity since ${day} (the hub's lastActivityTime)`;
}

export function queryLabel(query: string): string {
  const text = query.trim().replace(/\s+/g, ' ');
  return `hub query "${text.length > 120 ? `${text.slice(0, 119)}…` : text}"`;
}

export function toHubSelection(label: string, answer: RegistryQueryResponse): HubSelection {
  return { label, takenAt: answer.takenAt, deviceIds: answer.deviceIds };
}

/** "The hub selected 12 devices." or, when capped, what was kept and why. */
export function hubAnswerWords(answer: RegistryQueryResponse): string {
  const count = formatCount(answer.deviceIds.length);
  if (!answer.truncated)
    return `The hub selected ${count} ${answer.deviceIds.length === 1 ? 'device' : 'devices'}.`;
  return (
    `The hub has more than ${formatCount(answer.limit)} devices for this query: the first ` +
    `${count} are selected (a selection by the hub holds at most ${formatCount(answer.limit)}). ` +
    'Narrow the query, or use the filters of the export for a larger selection.'
  );
}
