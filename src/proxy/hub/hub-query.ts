import { z } from 'zod';
import { HubRequestError } from './hub-errors';
import type { HubTransport } from './hub-transport';

// The registry query API (POST /devices/query), used for counts the device statistics do not
// give: an aggregate answers in one page of one Raw row, `[{"n": <count>}]` for
// `SELECT COUNT() AS n FROM ...` (docs/hub-emulator.md, "Query").

const CountRows = z.array(z.object({ n: z.number().int().nonnegative() })).length(1);

export interface HubQueryClient {
  /** Runs a `SELECT COUNT() AS n FROM ...` query and returns n. */
  count(query: string): Promise<number>;
}

export function createHubQueryClient(transport: HubTransport): HubQueryClient {
  return {
    async count(query) {
      const response = await transport.send({
        method: 'POST',
        segments: ['devices', 'query'],
        body: { query },
        // A query reads; asking again changes nothing.
        idempotent: true,
      });
      const rows = CountRows.safeParse(response.body);
      if (!rows.success)
        throw new HubRequestError(
          502,
          'UnexpectedResponse',
          `unexpected hub response to a count query: ${rows.error.message}`,
        );
      return rows.data[0]!.n;
    },
  };
}
