import { RestError } from '@azure/data-tables';
import { isNotFound, type IndexTable } from '../operations-index/index-table-client';

// Which proxy of a group polls the hub: the holder of one row (`x~job-monitor`) in the hub's
// partition of the operations index, taken with a conditional write (an insert, or If-Match on the
// ETag of a lapsed lease or one's own), so of two proxies claiming at once exactly one wins. The
// holder renews it every round; a proxy that dies stops renewing, and after `leaseMs` another
// takes over.

const LEASE_ROW_KEY = 'x~job-monitor';

interface LeaseRow {
  partitionKey: string;
  rowKey: string;
  holder: string;
  until: string;
}

const isConflict = (error: unknown): boolean =>
  error instanceof RestError && (error.statusCode === 409 || error.statusCode === 412);

/** True when `holder` holds the lease until `now + leaseMs` after this call. */
export async function claimMonitorLease(
  table: IndexTable,
  partitionKey: string,
  holder: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  return table.call(async (client) => {
    let current: (LeaseRow & { etag: string }) | undefined;
    try {
      current = await client.getEntity<LeaseRow>(partitionKey, LEASE_ROW_KEY);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    const until = current ? Date.parse(current.until) : Number.NaN;
    const lapsed = !current || Number.isNaN(until) || until <= now.getTime();
    if (current && current.holder !== holder && !lapsed) return false;
    const row: LeaseRow = {
      partitionKey,
      rowKey: LEASE_ROW_KEY,
      holder,
      until: new Date(now.getTime() + leaseMs).toISOString(),
    };
    try {
      if (current) await client.updateEntity(row, 'Replace', { etag: current.etag });
      else await client.createEntity(row);
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  });
}
