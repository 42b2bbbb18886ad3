import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { RUN_ID } from '../../contracts/api/runs';
import type { IndexTable } from '../operations-index/index-table-client';
import { isNotFound } from '../operations-index/index-table-client';

// A chunked import's run (docs/proxy.md, "Chunked imports") is one row of the hub's partition of
// the operations index, `r~<runId>`: the chunk operations in order and the stop rule. The chunks
// themselves are operations and queue entries like any import; the row only ties them together.
// `r~` lies outside every other range of the partition (t~, o~, j~, q~, x~).

export const runRowKey = (runId: string): string => `r~${runId}`;

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
export const newRunId = (): string =>
  Array.from(randomBytes(20), (byte) => BASE32[byte % 32]).join('');

export const RunRow = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  runId: z.string().regex(RUN_ID),
  /** The uploaded operation that was split; deleted once its chunks exist (its keys live there). */
  sourceOperationId: z.string(),
  fileName: z.string().optional(),
  chunkSize: z.number().int().positive(),
  stopPercent: z.number().min(0).max(100),
  /** JSON array of the chunk operation ids, chunk 1 first (a table property holds no arrays). */
  chunkOperationIds: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  createdByOid: z.string(),
});
export type RunRow = z.infer<typeof RunRow>;

export function chunkIdsOf(row: RunRow): string[] {
  const parsed = z.array(z.string()).safeParse(JSON.parse(row.chunkOperationIds));
  return parsed.success ? parsed.data : [];
}

export async function writeRunRow(table: IndexTable, row: RunRow): Promise<void> {
  await table.call((client) => client.createEntity(row));
}

export async function readRunRow(
  table: IndexTable,
  partitionKey: string,
  runId: string,
): Promise<RunRow | undefined> {
  if (!RUN_ID.test(runId)) return undefined;
  return table.call(async (client) => {
    try {
      const parsed = RunRow.safeParse(await client.getEntity(partitionKey, runRowKey(runId)));
      return parsed.success ? parsed.data : undefined;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  });
}
