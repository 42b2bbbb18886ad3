import { RestError } from '@azure/data-tables';
import { isNotFound, type IndexTable } from './index-table-client';

// The moment of the hub's last support export, as one row of the hub's partition in the
// operations index, so the "one per interval" rule holds across every proxy instance. A support
// export claims the interval with a conditional write (If-Match on the row's ETag, or an insert
// when there is no row): of two proxies claiming at once, exactly one write succeeds. The row key
// `x~` is outside the list (`t~`), operation (`o~`) and job (`j~`) ranges, so no list reads it.

const CLAIM_ROW_KEY = 'x~support-export';

interface ClaimRow {
  partitionKey: string;
  rowKey: string;
  lastAt: string;
  previousAt: string;
}

export type SupportExportClaim =
  { ok: true; release(): Promise<void> } | { ok: false; retryAfterMs: number; lastAt: string };

const isConflict = (error: unknown): boolean =>
  error instanceof RestError && (error.statusCode === 409 || error.statusCode === 412);

export async function claimSupportExport(
  table: IndexTable,
  partitionKey: string,
  now: Date,
  intervalMs: number,
): Promise<SupportExportClaim> {
  return table.call(async (client) => {
    let current: (ClaimRow & { etag: string }) | undefined;
    try {
      current = await client.getEntity<ClaimRow>(partitionKey, CLAIM_ROW_KEY);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    const lastMs = current ? Date.parse(current.lastAt) : Number.NaN;
    const sinceMs = now.getTime() - lastMs;
    // A row from the future (a clock step back) counts as "just now" rather than as never.
    if (current && !Number.isNaN(lastMs) && sinceMs < intervalMs)
      return {
        ok: false,
        retryAfterMs: Math.min(intervalMs, intervalMs - sinceMs),
        lastAt: current.lastAt,
      };
    const row: ClaimRow = {
      partitionKey,
      rowKey: CLAIM_ROW_KEY,
      lastAt: now.toISOString(),
      previousAt: current?.lastAt ?? '',
    };
    let etag: string | undefined;
    try {
      etag = current
        ? (await client.updateEntity(row, 'Replace', { etag: current.etag })).etag
        : (await client.createEntity(row)).etag;
    } catch (error) {
      // Another proxy claimed the interval between our read and our write.
      if (isConflict(error))
        return { ok: false, retryAfterMs: intervalMs, lastAt: now.toISOString() };
      throw error;
    }
    return {
      ok: true,
      // An export that did not start gives the interval back, unless a newer claim replaced ours.
      async release() {
        await table
          .call(async (again) => {
            if (row.previousAt)
              await again.updateEntity(
                { ...row, lastAt: row.previousAt, previousAt: '' },
                'Replace',
                {
                  etag,
                },
              );
            else await again.deleteEntity(partitionKey, CLAIM_ROW_KEY, { etag });
          })
          .catch(() => undefined);
      },
    };
  });
}
