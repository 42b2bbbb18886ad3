import { describe, expect, it } from 'vitest';
import type {
  FromBrowseWorker,
  ToBrowseWorker,
} from '../../../../../src/contracts/worker/browse-messages';
import { FromBrowseWorker as FromBrowseWorkerSchema } from '../../../../../src/contracts/worker/browse-messages';
import { createBrowseSession } from '../../../../../src/web/workers/registry/browse-session';
import { KEY_MASK } from '../../../../../src/core/model/key-mask';
import { EMPTY_FILTER } from '../../../../../src/web/workers/registry/registry-filter';

const PRIMARY = 'cHJpbWFyeS1rZXktdmFsdWUtMTIzNDU2Nzg5MDEyMzQ1Ng==';
const SECONDARY = 'c2Vjb25kYXJ5LWtleS12YWx1ZS0xMjM0NTY3ODkwMTIzNA==';

const lines = [
  'WARNING: keys were excluded from this export',
  JSON.stringify({
    id: 'dev-1',
    status: 'enabled',
    authentication: { type: 'sas', symmetricKey: { primaryKey: PRIMARY, secondaryKey: SECONDARY } },
    tags: { site: 'berlin' },
  }),
  JSON.stringify({
    id: 'dev-1',
    moduleId: 'mod-a',
    status: 'enabled',
    authentication: { type: 'sas', symmetricKey: { primaryKey: PRIMARY, secondaryKey: null } },
  }),
  JSON.stringify({
    id: '=cmd|calc',
    status: 'disabled',
    authentication: null,
    capabilities: { iotEdge: true },
  }),
  '{not json',
];

function open() {
  const messages: FromBrowseWorker[] = [];
  // Every message the session posts must pass the schema the page parses it with.
  const handle = createBrowseSession((m) => messages.push(FromBrowseWorkerSchema.parse(m)));
  const ask = (request: ToBrowseWorker) => {
    handle(request);
    return messages[messages.length - 1];
  };
  const feed = (text: string, chunkSize: number) => {
    const bytes = new TextEncoder().encode(text);
    for (let i = 0; i < bytes.length; i += chunkSize)
      handle({ type: 'browse-chunk', bytes: bytes.slice(i, i + chunkSize) });
  };
  return { handle, messages, ask, feed };
}

function run(text: string, chunkSize: number) {
  const session = open();
  session.feed(text, chunkSize);
  session.handle({ type: 'browse-end' });
  return session;
}

function windowOf(session: ReturnType<typeof open>, queryId: number, offset = 0, limit = 100) {
  const answer = session.ask({ type: 'browse-window', requestId: 'w', queryId, offset, limit });
  return answer?.type === 'browse-window-done' ? answer : undefined;
}

async function downloadText(
  session: ReturnType<typeof open>,
  request: Omit<Extract<ToBrowseWorker, { type: 'browse-download' }>, 'type' | 'requestId'>,
) {
  const answer = session.ask({ type: 'browse-download', requestId: 'd', ...request });
  return answer?.type === 'browse-download-done'
    ? answer.file.text()
    : `failed: ${JSON.stringify(answer)}`;
}

describe('the registry browse session', () => {
  it.each([1, 7, 64, 100_000])(
    'reads CRLF lines split into %i-byte chunks, skipping the warning line',
    (chunkSize) => {
      const session = run(lines.join('\r\n') + '\r\n', chunkSize);
      const done = session.messages.find((m) => m.type === 'browse-done');
      expect(done).toMatchObject({ records: 3 });
      expect(done?.type === 'browse-done' && done.issues.map((i) => i.code)).toEqual([
        'leading-comment-line',
        'invalid-json',
      ]);
      session.ask({ type: 'browse-query', requestId: 'q', queryId: 1, filter: EMPTY_FILTER });
      expect(windowOf(session, 1)?.rows.map((r) => [r.id, r.moduleId])).toEqual([
        ['dev-1', undefined],
        ['dev-1', 'mod-a'],
        ['=cmd|calc', undefined],
      ]);
    },
  );

  it('reports parsed bytes and records as the file streams in, and sends no row by itself', () => {
    const text = lines.join('\n');
    const { messages } = run(text, 16);
    const last = messages.filter((m) => m.type === 'browse-progress').pop();
    expect(last).toEqual({
      type: 'browse-progress',
      bytesProcessed: new TextEncoder().encode(text).length,
      records: 3,
    });
    expect(messages.some((m) => m.type === 'browse-window-done')).toBe(false);
  });

  it('counts the matches of a query and offers the statuses and auth types read so far', () => {
    const session = run(lines.join('\n'), 50);
    expect(
      session.ask({
        type: 'browse-query',
        requestId: 'q',
        queryId: 4,
        filter: { ...EMPTY_FILTER, search: 'DEV' },
      }),
    ).toEqual({
      type: 'browse-query-done',
      requestId: 'q',
      queryId: 4,
      matches: 2,
      records: 3,
      statuses: ['disabled', 'enabled'],
      authTypes: ['sas', 'unknown'],
    });
  });

  it('answers a window of the current query with key-free rows in match order', () => {
    const session = run(lines.join('\n'), 50);
    session.ask({
      type: 'browse-query',
      requestId: 'q',
      queryId: 1,
      filter: { ...EMPTY_FILTER, status: 'enabled' },
    });
    const window = windowOf(session, 1, 1, 5);
    expect(window).toMatchObject({ queryId: 1, offset: 1 });
    expect(window?.rows).toEqual([
      {
        index: 1,
        id: 'dev-1',
        moduleId: 'mod-a',
        status: 'enabled',
        authType: 'sas',
        edge: false,
        tags: [],
      },
    ]);
    expect(JSON.stringify(session.messages)).not.toContain(PRIMARY);
  });

  it('answers a window of an older query with no rows and the current query id', () => {
    const session = run(lines.join('\n'), 50);
    session.ask({ type: 'browse-query', requestId: 'q1', queryId: 1, filter: EMPTY_FILTER });
    session.ask({
      type: 'browse-query',
      requestId: 'q2',
      queryId: 2,
      filter: { ...EMPTY_FILTER, edge: 'edge' },
    });
    expect(windowOf(session, 1)).toMatchObject({ queryId: 2, rows: [] });
    expect(windowOf(session, 2)?.rows.map((r) => r.id)).toEqual(['=cmd|calc']);
  });

  it('extends the matches of a repeated query with the records read since, keeping earlier positions', () => {
    const session = open();
    const device = (i: number) =>
      JSON.stringify({ id: `d${i}`, status: i % 2 === 0 ? 'enabled' : 'disabled' });
    session.feed(Array.from({ length: 10 }, (_, i) => device(i)).join('\n') + '\n', 4096);
    expect(
      session.ask({
        type: 'browse-query',
        requestId: 'q1',
        queryId: 1,
        filter: { ...EMPTY_FILTER, status: 'enabled' },
      }),
    ).toMatchObject({ matches: 5, records: 10 });
    session.feed(Array.from({ length: 10 }, (_, i) => device(i + 10)).join('\n') + '\n', 4096);
    expect(
      session.ask({
        type: 'browse-query',
        requestId: 'q2',
        queryId: 2,
        filter: { ...EMPTY_FILTER, status: 'enabled' },
      }),
    ).toMatchObject({ matches: 10, records: 20 });
    expect(windowOf(session, 2, 4, 2)?.rows.map((r) => r.id)).toEqual(['d8', 'd10']);
  });

  it('hands back one record line by index, and fails for an unknown index', () => {
    const session = run(lines.join('\n'), 1000);
    expect(session.ask({ type: 'browse-line', requestId: 'r1', index: 1 })).toEqual({
      type: 'browse-line-done',
      requestId: 'r1',
      text: lines[2],
    });
    expect(session.ask({ type: 'browse-line', requestId: 'r2', index: 9 })).toMatchObject({
      type: 'failed',
      requestId: 'r2',
      error: { code: 'RECORD_NOT_FOUND' },
    });
  });

  it('downloads CSV of every record that is formula-safe and names keys only as present', async () => {
    const text = await downloadText(run(lines.join('\n'), 1000), { format: 'csv' });
    expect(text.split('\r\n')[0]).toBe(
      'id,moduleId,status,statusReason,authType,hasKeys,primaryThumbprint,secondaryThumbprint,iotEdge,deviceScope,tags,desired',
    );
    expect(text).toContain("'=cmd|calc,");
    expect(text).not.toContain(PRIMARY);
  });

  it('downloads NDJSON of the current query matches with keys masked', async () => {
    const session = run(lines.join('\n'), 1000);
    session.ask({
      type: 'browse-query',
      requestId: 'q',
      queryId: 3,
      filter: { ...EMPTY_FILTER, search: 'dev-1', authType: 'sas' },
    });
    session.ask({
      type: 'browse-query',
      requestId: 'q',
      queryId: 4,
      filter: { ...EMPTY_FILTER, search: 'dev-1', tag: 'nothing' },
    });
    session.ask({
      type: 'browse-query',
      requestId: 'q',
      queryId: 5,
      filter: { ...EMPTY_FILTER, search: 'dev-1', authType: 'sas' },
    });
    const text = await downloadText(session, { format: 'ndjson', queryId: 5 });
    const parsed = text
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { moduleId?: string; authentication: { symmetricKey: unknown } },
      );
    expect(parsed.map((device) => device.moduleId)).toEqual([undefined, 'mod-a']);
    expect(parsed[1]?.authentication.symmetricKey).toEqual({
      primaryKey: KEY_MASK,
      secondaryKey: null,
    });
  });

  it('refuses to download the matches of a query that is no longer current', () => {
    const session = run(lines.join('\n'), 1000);
    session.ask({
      type: 'browse-query',
      requestId: 'q1',
      queryId: 1,
      filter: { ...EMPTY_FILTER, search: 'dev' },
    });
    session.ask({
      type: 'browse-query',
      requestId: 'q2',
      queryId: 2,
      filter: { ...EMPTY_FILTER, search: 'cmd' },
    });
    expect(
      session.ask({ type: 'browse-download', requestId: 'd', format: 'csv', queryId: 1 }),
    ).toMatchObject({ type: 'failed', requestId: 'd', error: { code: 'FILTER_CHANGED' } });
  });

  it('builds the import of an action on the current query matches, counting what it left out', async () => {
    const session = run(lines.join('\n'), 7);
    session.ask({
      type: 'browse-query',
      requestId: 'q1',
      queryId: 1,
      filter: { ...EMPTY_FILTER, search: 'dev' },
    });
    const answer = session.ask({
      type: 'browse-act',
      requestId: 'a',
      action: 'disable',
      queryId: 1,
    });
    if (answer?.type !== 'browse-act-done') throw new Error(`unexpected ${answer?.type}`);
    expect(answer.written).toBe(1);
    expect(answer.leftOut).toEqual({ 'a module has no status of its own': 1 });
    const written = (await answer.file.text()).split('\n').filter(Boolean);
    expect(written.map((line) => JSON.parse(line) as unknown)).toEqual([
      {
        id: 'dev-1',
        importMode: 'update',
        status: 'disabled',
        authentication: {
          type: 'sas',
          symmetricKey: { primaryKey: PRIMARY, secondaryKey: SECONDARY },
        },
      },
    ]);
  });

  it('refuses to act on the matches of a query that is no longer current', () => {
    const session = run(lines.join('\n'), 1000);
    session.ask({ type: 'browse-query', requestId: 'q1', queryId: 1, filter: EMPTY_FILTER });
    session.ask({
      type: 'browse-query',
      requestId: 'q2',
      queryId: 2,
      filter: { ...EMPTY_FILTER, search: 'cmd' },
    });
    expect(
      session.ask({ type: 'browse-act', requestId: 'a', action: 'delete', queryId: 1 }),
    ).toMatchObject({ type: 'failed', requestId: 'a', error: { code: 'FILTER_CHANGED' } });
  });

  it('sends one small progress message per chunk, however many records it holds', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      JSON.stringify({ id: `d${i}`, status: 'enabled' }),
    ).join('\n');
    const session = run(many, 64 * 1024);
    const progress = session.messages.filter((m) => m.type === 'browse-progress');
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(many.length / (64 * 1024)) + 1);
    expect(
      session.ask({ type: 'browse-query', requestId: 'q', queryId: 1, filter: EMPTY_FILTER }),
    ).toMatchObject({ matches: 5000, records: 5000 });
  });
});
