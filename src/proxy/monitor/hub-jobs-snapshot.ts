import { z } from 'zod';
import { HubJob } from '../hub/hub-jobs';
import { isNotFound, type IndexTable } from '../operations-index/index-table-client';

// What the monitor last saw of the hub's import/export jobs, as one row (`x~hub-jobs`) of the hub's
// partition in the operations index: the running jobs with their progress and the ones that ended
// lately with their terminal state. Every proxy answers its browsers' polls from it while it is
// fresh, so the hub is asked once per round whatever the number of browsers and proxies.

const SNAPSHOT_ROW_KEY = 'x~hub-jobs';

export const HubJobsSnapshot = z.object({
  observedAt: z.string(),
  /** Until when the writer vouches for it: its next round is due by then, with some grace. */
  validUntil: z.string(),
  jobs: z.array(HubJob),
});
export type HubJobsSnapshot = z.infer<typeof HubJobsSnapshot>;

export async function writeHubJobsSnapshot(
  table: IndexTable,
  partitionKey: string,
  snapshot: HubJobsSnapshot,
): Promise<void> {
  await table.call((client) =>
    client.upsertEntity(
      { partitionKey, rowKey: SNAPSHOT_ROW_KEY, snapshot: JSON.stringify(snapshot) },
      'Replace',
    ),
  );
}

export async function readHubJobsSnapshot(
  table: IndexTable,
  partitionKey: string,
): Promise<HubJobsSnapshot | undefined> {
  return table.call(async (client) => {
    try {
      const row = await client.getEntity<{ snapshot?: unknown }>(partitionKey, SNAPSHOT_ROW_KEY);
      if (typeof row.snapshot !== 'string') return undefined;
      const parsed = HubJobsSnapshot.safeParse(JSON.parse(row.snapshot));
      return parsed.success ? parsed.data : undefined;
    } catch (error) {
      if (isNotFound(error) || error instanceof SyntaxError) return undefined;
      throw error;
    }
  });
}
