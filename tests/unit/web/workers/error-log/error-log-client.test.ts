import { describe, expect, it } from 'vitest';
import type { ImportErrorEntry } from '../../../../../src/core/import-errors';
import {
  FromErrorLogWorker,
  ToErrorLogWorker,
} from '../../../../../src/contracts/worker/error-log-messages';
import { createErrorLogClient } from '../../../../../src/web/workers/error-log/error-log-client';
import { createErrorLogSession } from '../../../../../src/web/workers/error-log/error-log-session';
import { workerInProcess } from '../../support/worker-pipe';

// The page's client and the worker's session, each parsing with the zod protocol, joined in
// process: what the errors page gets for a log streamed in arbitrary byte chunks.
function errorLogWorker(): Worker {
  let session: ReturnType<typeof createErrorLogSession> | null = null;
  return workerInProcess({
    receive: ToErrorLogWorker,
    send: FromErrorLogWorker,
    handle(message, post) {
      session ??= createErrorLogSession(post);
      session(message);
    },
  });
}

async function parse(bytes: Uint8Array, cut: number) {
  const batches: number[] = [];
  const entries: ImportErrorEntry[] = [];
  const client = createErrorLogClient((batch) => {
    batches.push(batch.length);
    entries.push(...batch);
  }, errorLogWorker);
  for (let start = 0; start < bytes.length; start += cut)
    client.push(bytes.slice(start, start + cut).buffer);
  await client.end();
  client.close();
  return { batches, entries };
}

describe('the error-log worker through its client', () => {
  it('reads a log with a BOM and characters split across chunks, every entry once and in order', async () => {
    const text =
      '\uFEFF{"deviceId":"zürich-1","errorCode":409001,"errorStatus":"exists"}\r\n' +
      '{"deviceId":"b","moduleId":"m","errorCode":"404001","errorStatus":"gone"}\n';
    const bytes = new TextEncoder().encode(text);
    for (const cut of [1, 2, 5, bytes.length]) {
      const { entries } = await parse(bytes, cut);
      expect(entries.map((e) => [e.line, e.deviceId, e.moduleId, e.errorCode])).toEqual([
        [1, 'zürich-1', null, 409001],
        [2, 'b', 'm', 404001],
      ]);
    }
  });

  it('sends a large chunk back in batches of at most 2000 entries', async () => {
    const line = (i: number) => `{"deviceId":"d${i}","errorCode":409001,"errorStatus":"x"}\n`;
    const bytes = new TextEncoder().encode(
      Array.from({ length: 4500 }, (_, i) => line(i)).join(''),
    );
    const { batches, entries } = await parse(bytes, bytes.length);
    expect(entries).toHaveLength(4500);
    expect(Math.max(...batches)).toBeLessThanOrEqual(2000);
    expect(entries[4499]?.deviceId).toBe('d4499');
  });

  it('answers an empty log with no entries', async () => {
    expect((await parse(new Uint8Array(0), 1)).entries).toEqual([]);
  });
});
