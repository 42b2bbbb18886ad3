import { describe, expect, it } from 'vitest';
import { formatDiffJson, diffRegistries } from '../../../../../src/core/diff';
import { parseRegistryText } from '../../../../../src/core/registry';
import type {
  FromDiffWorker,
  ToDiffWorker,
} from '../../../../../src/contracts/worker/diff-messages';
import { createDiffSession } from '../../../../../src/web/workers/diff/diff-session';

const KEY_A = 'YS1wcmltYXJ5LWtleS0xMjM0NTY3ODkwMTIzNDU2Nzg5MA==';
const KEY_B = 'Yi1wcmltYXJ5LWtleS0xMjM0NTY3ODkwMTIzNDU2Nzg5MA==';

const sas = (primaryKey: string) => ({
  type: 'sas',
  symmetricKey: { primaryKey, secondaryKey: primaryKey },
});

const A = [
  { id: 'same', status: 'enabled', authentication: sas(KEY_A), tags: { site: 'berlin' } },
  { id: 'status-and-tag', status: 'disabled', authentication: sas(KEY_A), tags: { site: 'paris' } },
  { id: 'keys', status: 'enabled', authentication: sas(KEY_A) },
  {
    id: 'twin-only',
    status: 'enabled',
    authentication: sas(KEY_A),
    properties: { desired: { interval: 10 } },
  },
  { id: 'only-a', status: 'enabled', authentication: sas(KEY_A) },
];
const B = [
  { id: 'only-b', status: 'enabled', authentication: sas(KEY_B) },
  {
    id: 'twin-only',
    status: 'enabled',
    authentication: sas(KEY_A),
    properties: { desired: { interval: 30 } },
  },
  { id: 'keys', status: 'enabled', authentication: sas(KEY_B) },
  { id: 'status-and-tag', status: 'enabled', authentication: sas(KEY_A), tags: { site: 'berlin' } },
  { id: 'same', status: 'enabled', authentication: sas(KEY_A), tags: { site: 'berlin' } },
];

const toText = (devices: object[], crlf = false) =>
  devices.map((d) => JSON.stringify(d)).join(crlf ? '\r\n' : '\n') + '\n';

function session() {
  const messages: FromDiffWorker[] = [];
  const handle = createDiffSession((m) => messages.push(m));
  const ask = async (request: ToDiffWorker) => {
    await handle(request);
    return messages[messages.length - 1] as FromDiffWorker;
  };
  return { messages, ask };
}

const diffRequest = (a: string, b: string): ToDiffWorker => ({
  type: 'diff',
  requestId: 'd1',
  a: new Blob([a]),
  b: new Blob(['Keys were excluded\r\n' + b]),
  options: { includeVersionFields: false, includeReported: false },
});

describe('the diff session', () => {
  it('diffs two files keyed by id, order-independent, and reports progress per side', async () => {
    const { ask, messages } = session();
    const done = await ask(diffRequest(toText(A), toText(B, true)));
    expect(done.type).toBe('diff-done');
    if (done.type !== 'diff-done') return;
    expect(done.summary).toEqual({ added: 1, removed: 1, changed: 3, unchanged: 1 });
    expect(done.changes.find((c) => c.id === 'status-and-tag')?.fields).toEqual([
      'status',
      'tags.site',
    ]);
    expect(done.changes.find((c) => c.id === 'keys')?.fields).toEqual(['authentication.keys']);
    const sides = messages
      .filter((m) => m.type === 'progress')
      .map((m) => (m.type === 'progress' ? m.side : ''));
    expect(sides).toContain('a');
    expect(sides).toContain('b');
    expect(JSON.stringify(done)).not.toContain(KEY_A);
  });

  it('describes one device field by field with keys masked', async () => {
    const { ask } = session();
    await ask(diffRequest(toText(A), toText(B)));
    const answer = await ask({ type: 'describe', requestId: 'x', id: 'keys' });
    expect(answer.type).toBe('describe-done');
    const keysRow =
      answer.type === 'describe-done'
        ? answer.rows.find((r) => r.path === 'authentication.keys')
        : undefined;
    expect(keysRow).toMatchObject({ changed: true, compared: true });
    expect(JSON.stringify(answer)).not.toContain(KEY_A);
    expect(JSON.stringify(answer)).not.toContain(KEY_B);
  });

  it('plans the import that makes B like A', async () => {
    const { ask } = session();
    await ask(diffRequest(toText(A), toText(B)));
    const plan = await ask({ type: 'plan', requestId: 'p' });
    expect(plan.type).toBe('plan-done');
    if (plan.type !== 'plan-done') return;
    expect(plan.counts).toEqual({ create: 1, delete: 1, createOrUpdate: 2, updateTwin: 1 });
    const modes = (await plan.file.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; importMode: string });
    expect(modes.map((l) => [l.id, l.importMode])).toEqual([
      ['keys', 'createOrUpdate'],
      ['only-a', 'create'],
      ['only-b', 'delete'],
      ['status-and-tag', 'createOrUpdate'],
      ['twin-only', 'updateTwin'],
    ]);
  });

  it('downloads the diff as the CLI JSON shape and as CSV', async () => {
    const { ask } = session();
    await ask(diffRequest(toText(A), toText(B)));
    const json = await ask({ type: 'download', requestId: 'j', format: 'json' });
    const expected = formatDiffJson(
      diffRegistries(parseRegistryText(toText(A)), parseRegistryText(toText(B))),
    );
    expect(json.type === 'download-done' ? await json.file.text() : '').toBe(expected);
    const csv = await ask({ type: 'download', requestId: 'c', format: 'csv' });
    const csvText = csv.type === 'download-done' ? await csv.file.text() : '';
    expect(csvText.split('\r\n')[0]).toBe('kind,id,moduleId,fields');
    expect(csvText).toContain('changed,status-and-tag,,status;tags.site');
  });

  it('refuses describe, plan and download before a diff ran', async () => {
    const { ask } = session();
    expect(await ask({ type: 'plan', requestId: 'p' })).toMatchObject({
      type: 'failed',
      error: { code: 'NO_DIFF_YET' },
    });
  });

  it('fails with RECORD_NOT_FOUND for an id neither side has', async () => {
    const { ask } = session();
    await ask(diffRequest(toText(A), toText(B)));
    expect(await ask({ type: 'describe', requestId: 'x', id: 'nobody' })).toMatchObject({
      type: 'failed',
      error: { code: 'RECORD_NOT_FOUND' },
    });
  });
});
