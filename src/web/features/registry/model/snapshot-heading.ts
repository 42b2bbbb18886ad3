import type { ExportName } from '../../../lib/export-name';
import { formatDateTime } from '../../../lib/format';

/**
 * "Snapshot of contoso-prod taken 27 Nov 2026, 10:00:00": which hub and when, the two things an
 * admin must know before trusting what the table says. Until the export's record and the hub's
 * name have arrived, the heading says only what it knows.
 */
export function snapshotHeading(hubName: string | null, name: ExportName | null): string {
  const of = hubName === null ? 'Snapshot of the hub' : `Snapshot of ${hubName}`;
  return name?.time ? `${of} taken ${formatDateTime(name.time)}` : of;
}

/** "before the move · export id efghij": the label and short id the exports list shows too. */
export function snapshotSubtitle(name: ExportName | null, ref: string): string {
  const id = `export id ${name?.shortId ?? ref}`;
  return name?.label ? `${name.label} · ${id}` : id;
}
