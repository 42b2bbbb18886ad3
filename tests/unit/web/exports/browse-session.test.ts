import { describe, expect, it } from 'vitest';
import type { FromBrowseWorker } from '../../../../src/web/lib/registry-worker/browse-messages';
import { createBrowseSession } from '../../../../src/web/lib/registry-worker/browse-session';
import { KEY_MASK } from '../../../../src/web/lib/registry-worker/mask-device-keys';
import type { RegistryRow } from '../../../../src/web/lib/registry-worker/summarize-device';

const PRIMARY = 'cHJpbWFyeS1rZXktdmFsdWUtMTIzNDU2Nzg5MDEyMzQ1Ng==';
const SECONDARY = 'c2Vjb25kYXJ5LWtleS12YWx1ZS0xMjM0NTY3ODkwMTIzNA==';

const lines = [
  'WARNING: keys were excluded from this export',
  JSON.stringify({ id: 'dev-1', status: 'enabled', authentication: { type: 'sas', symmetricKey: { primaryKey: PRIMARY, secondaryKey: SECONDARY } }, tags: { site: 'berlin' } }),
  JSON.stringify({ id: 'dev-1', moduleId: 'mod-a', status: 'enabled', authentication: { type: 'sas', symmetricKey: { primaryKey: PRIMARY, secondaryKey: null } } }),
  JSON.stringify({ id: '=cmd|calc', status: 'disabled', authentication: null, capabilities: { iotEdge: true } }),
  '{not json',
];

function run(text: string, chunkSize: number) {
  const messages: FromBrowseWorker[] = [];
  const handle = createBrowseSession((m) => messages.push(m));
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += chunkSize) handle({ type: 'browse-chunk', bytes: bytes.slice(i, i + chunkSize) });
  handle({ type: 'browse-end' });
  const rows = messages.flatMap((m) => (m.type === 'browse-rows' ? m.rows : []));
  const done = messages.find((m) => m.type === 'browse-done');
  return { handle, messages, rows, done };
}

async function answer(handle: ReturnType<typeof createBrowseSession>, messages: FromBrowseWorker[], request: Parameters<ReturnType<typeof createBrowseSession>>[0]) {
  handle(request);
  return messages[messages.length - 1];
}

describe('the registry browse session', () => {
  it.each([1, 7, 64, 100_000])('reads CRLF lines split into %i-byte chunks, skipping the warning line', (chunkSize) => {
    const { rows, done } = run(lines.join('\r\n') + '\r\n', chunkSize);
    expect(rows.map((r: RegistryRow) => [r.id, r.moduleId])).toEqual([
      ['dev-1', undefined],
      ['dev-1', 'mod-a'],
      ['=cmd|calc', undefined],
    ]);
    expect(done).toMatchObject({ records: 3 });
    expect(done?.type === 'browse-done' && done.issues.map((i) => i.code)).toEqual(['leading-comment-line', 'invalid-json']);
  });

  it('summarises rows without any key value', () => {
    const { rows, messages } = run(lines.join('\n'), 50);
    expect(rows[0]).toEqual({ index: 0, id: 'dev-1', status: 'enabled', authType: 'sas', edge: false, tags: [['site', 'berlin']] });
    expect(rows[2]).toMatchObject({ authType: '', edge: true, status: 'disabled' });
    expect(JSON.stringify(messages.filter((m) => m.type === 'browse-rows'))).not.toContain(PRIMARY);
  });

  it('counts the bytes it has parsed for progress', () => {
    const text = lines.join('\n');
    const { messages } = run(text, 16);
    const last = messages.filter((m) => m.type === 'browse-rows').pop();
    expect(last?.type === 'browse-rows' && last.bytesProcessed).toBe(new TextEncoder().encode(text).length);
  });

  it('hands back one record line by index, and fails for an unknown index', async () => {
    const { handle, messages } = run(lines.join('\n'), 1000);
    expect(await answer(handle, messages, { type: 'browse-line', requestId: 'r1', index: 1 })).toEqual({ type: 'browse-line-done', requestId: 'r1', text: lines[2] });
    expect(await answer(handle, messages, { type: 'browse-line', requestId: 'r2', index: 9 })).toMatchObject({ type: 'browse-failed', requestId: 'r2' });
  });

  it('downloads CSV that is formula-safe and names keys only as present', async () => {
    const { handle, messages } = run(lines.join('\n'), 1000);
    const done = await answer(handle, messages, { type: 'browse-download', requestId: 'd', format: 'csv' });
    const text = done?.type === 'browse-download-done' ? await done.file.text() : '';
    expect(text.split('\r\n')[0]).toBe('id,moduleId,status,statusReason,authType,hasKeys,primaryThumbprint,secondaryThumbprint,iotEdge,deviceScope,tags,desired');
    expect(text).toContain("'=cmd|calc,");
    expect(text).not.toContain(PRIMARY);
  });

  it('downloads NDJSON of the chosen rows with keys masked', async () => {
    const { handle, messages } = run(lines.join('\n'), 1000);
    const done = await answer(handle, messages, { type: 'browse-download', requestId: 'd', format: 'ndjson', indices: Int32Array.from([1]) });
    const text = done?.type === 'browse-download-done' ? await done.file.text() : '';
    const parsed = text.trim().split('\n').map((line) => JSON.parse(line) as { moduleId?: string; authentication: { symmetricKey: unknown } });
    expect(parsed).toHaveLength(1);
    expect(parsed[0]?.moduleId).toBe('mod-a');
    expect(parsed[0]?.authentication.symmetricKey).toEqual({ primaryKey: KEY_MASK, secondaryKey: null });
  });

  it('sends the first rows at once and the rest in batches, so a big file makes few messages', () => {
    const many = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ id: `d${i}`, status: 'enabled' })).join('\n');
    const { messages, rows } = run(many, 4096);
    const batches = messages.filter((m) => m.type === 'browse-rows').map((m) => (m.type === 'browse-rows' ? m.rows.length : 0));
    expect(rows).toHaveLength(5000);
    expect(batches[0]).toBeLessThan(200);
    expect(batches.length).toBeLessThanOrEqual(4);
  });
});
