import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STORAGE_DEADLINES,
  tableDeadlinePolicy,
} from '../../../../src/proxy/http/storage-deadlines';

type Policy = ReturnType<typeof tableDeadlinePolicy>;
type Request = Parameters<Policy['sendRequest']>[0];
type Next = Parameters<Policy['sendRequest']>[1];

const request = { method: 'GET', url: 'http://127.0.0.1:1/acct/ops()', timeout: 0 } as Request;

function run(answer: () => Promise<{ status: number }>) {
  const entries: Record<string, unknown>[] = [];
  const policy = tableDeadlinePolicy(DEFAULT_STORAGE_DEADLINES, (entry) => entries.push(entry));
  const next = (() => answer()) as unknown as Next;
  return { entries, sent: policy.sendRequest(request, next) };
}

const thrown = (statusCode: number) => Object.assign(new Error('rest'), { statusCode });

describe('tableDeadlinePolicy', () => {
  it('does not warn when the table service answers 404, which the table SDK throws', async () => {
    const { entries, sent } = run(() => Promise.reject(thrown(404)));
    await expect(sent).rejects.toThrow('rest');
    expect(entries).toEqual([]);
  });

  it('warns on a thrown 503 and on throttling, naming the call', async () => {
    for (const status of [503, 429]) {
      const { entries, sent } = run(() => Promise.reject(thrown(status)));
      await expect(sent).rejects.toThrow();
      expect(entries).toEqual([
        expect.objectContaining({
          level: 'warn',
          service: 'table',
          call: 'GET /acct/ops()',
          status,
        }),
      ]);
    }
  });

  it('warns on an answered 500 or 429 and passes the answer on', async () => {
    for (const [status, code] of [
      [500, 'SERVER_ERROR'],
      [429, 'THROTTLED'],
    ] as const) {
      const { entries, sent } = run(() => Promise.resolve({ status }));
      await expect(sent).resolves.toEqual({ status });
      expect(entries).toEqual([expect.objectContaining({ code, status })]);
    }
  });

  it('sets the per-try timeout on the request', async () => {
    const { sent } = run(() => Promise.resolve({ status: 200 }));
    await sent;
    expect(request.timeout).toBe(DEFAULT_STORAGE_DEADLINES.tryTimeoutMs);
  });
});
