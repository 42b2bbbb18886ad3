import { describe, expect, it } from 'vitest';
import {
  FromBrowseWorker,
  ToBrowseWorker,
} from '../../../../../src/contracts/worker/browse-messages';
import { createBrowseClient } from '../../../../../src/web/workers/registry/browse-client';
import { createBrowseSession } from '../../../../../src/web/workers/registry/browse-session';
import { EMPTY_FILTER } from '../../../../../src/web/workers/registry/registry-filter';
import { workerInProcess } from '../../support/worker-pipe';

// The registry page's client and the worker's session joined in process, zod on both sides.
function registryWorker(): Worker {
  let session: ReturnType<typeof createBrowseSession> | null = null;
  return workerInProcess({
    receive: ToBrowseWorker,
    send: FromBrowseWorker,
    handle(message, post) {
      session ??= createBrowseSession(post);
      session(message);
    },
  });
}

const TEXT = ['{"id":"a","status":"enabled"}', '{"id":"b","status":"disabled"}', '{"id":"ab"}']
  .map((line) => `${line}\r\n`)
  .join('');

function open() {
  let resolveDone!: (records: number) => void;
  const done = new Promise<number>((resolve) => (resolveDone = resolve));
  const client = createBrowseClient(
    {
      onProgress: () => undefined,
      onDone: (d) => resolveDone(d.records),
      onError: () => undefined,
    },
    registryWorker,
  );
  const bytes = new TextEncoder().encode(TEXT);
  client.push(bytes.slice(0, 10));
  client.push(bytes.slice(10));
  client.end();
  return { client, done };
}

describe('the registry worker through its client', () => {
  it('streams an export in, then answers a query and its window', async () => {
    const { client, done } = open();
    expect(await done).toBe(3);
    const query = await client.query(1, { ...EMPTY_FILTER, search: 'A' });
    expect(query).toMatchObject({ matches: 2, records: 3 });
    const window = await client.window(1, 0, 10);
    expect(window.rows.map((row) => row.id)).toEqual(['a', 'ab']);
    expect(await client.readLine(1)).toBe('{"id":"b","status":"disabled"}');
    client.close();
  });

  it('rejects with the code the worker names: a missing record, a stale download, rows before a query', async () => {
    const { client, done } = open();
    await done;
    await expect(client.window(1, 0, 10)).rejects.toMatchObject({ code: 'NO_QUERY_YET' });
    await expect(client.readLine(9)).rejects.toMatchObject({ code: 'RECORD_NOT_FOUND' });
    await client.query(1, EMPTY_FILTER);
    await client.query(2, { ...EMPTY_FILTER, status: 'enabled' });
    await expect(client.download('csv', 1)).rejects.toMatchObject({ code: 'FILTER_CHANGED' });
    expect(await (await client.download('ndjson', 2)).text()).toContain('"id":"a"');
    client.close();
    await expect(client.readLine(0)).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
