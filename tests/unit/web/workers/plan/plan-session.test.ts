import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  FromPlanWorker,
  type ToPlanWorker,
} from '../../../../../src/contracts/worker/plan-messages';
import { buildUndo } from '../../../../../src/core/undo/build-undo';
import { createPlanSession } from '../../../../../src/web/workers/plan/plan-session';
import {
  KEY_A,
  KEY_B,
  exportLine,
  exportText,
  importText,
  plan as planWhole,
} from '../../../core/plan/support/plan-test-lines';

// The session against the whole-text engine: the same rows, job file and undo, read from Blobs in
// slices small enough that lines and characters are cut between them.

const registry = exportText(
  exportLine('a'),
  exportLine('b', { tags: { site: 'x' } }),
  exportLine('gone'),
  exportLine('e-dev'),
);
const lines = [
  { id: 'a', importMode: 'update', status: 'disabled' },
  { id: 'b', importMode: 'createOrUpdate', tags: { site: 'x' }, status: 'enabled' },
  { id: 'gone', importMode: 'delete' },
  { id: 'new', importMode: 'create' },
  { id: 'a', importMode: 'create' },
  { id: 'e-dev', importMode: 'updateTwin', tags: { t: 'Straße ✓' } },
];

function session() {
  const out: FromPlanWorker[] = [];
  let t = 0;
  const handle = createPlanSession(
    (message) => out.push(FromPlanWorker.parse(message)),
    () => (t += 1000),
  );
  const ask = async <T extends FromPlanWorker['type']>(message: ToPlanWorker, type: T) => {
    await handle(message);
    const answer = out.at(-1);
    if (answer?.type !== type) throw new Error(`expected ${type}, got ${JSON.stringify(answer)}`);
    return { answer: answer as Extract<FromPlanWorker, { type: T }>, all: out };
  };
  return ask;
}

const importFile = new Blob([importText(...lines)]);
const registryFile = new Blob([registry]);

describe('plan session', () => {
  it('plans like the engine does on whole text, and keeps keys in the job file only', async () => {
    const ask = session();
    const expected = planWhole(registry, lines);
    const { answer, all } = await ask(
      { type: 'plan', requestId: 'p', importFile, registry: registryFile, options: {} },
      'plan-done',
    );
    expect(answer.summary).toEqual(expected.result.summary);
    expect(answer.firstRows).toEqual(expected.rows);
    expect(await answer.jobFile.text()).toBe(expected.jobText);
    expect(answer.jobSha256).toBe(createHash('sha256').update(expected.jobText).digest('hex'));
    expect(answer.jobByMode).toEqual({ update: 1, delete: 1, create: 2, updateTwin: 1 });
    expect(answer.keysKeptSent).toBe(1);
    expect(answer.leftOut).toBe(1);
    expect(
      all.filter((m) => m.type === 'progress').map((m) => m.type === 'progress' && m.phase),
    ).toEqual(expect.arrayContaining(['scan', 'index', 'plan']));
    const messages = JSON.stringify(all.filter((m) => m.type !== 'plan-done'));
    expect(messages).not.toContain(KEY_A);
    expect(messages).not.toContain(KEY_B);
  });

  it('pages rows by outcome and id prefix, and refuses pages before a plan', async () => {
    const ask = session();
    await expect(
      ask({ type: 'rows', requestId: 'r', offset: 0, limit: 10 }, 'rows-done'),
    ).rejects.toThrow(/NO_PLAN_YET/);
    await ask(
      { type: 'plan', requestId: 'p', importFile, registry: registryFile, options: {} },
      'plan-done',
    );
    const fails = await ask(
      { type: 'rows', requestId: 'r', offset: 0, limit: 10, outcomes: ['fail'] },
      'rows-done',
    );
    expect(fails.answer.total).toBe(1);
    expect(fails.answer.rows[0]).toMatchObject({ line: 5, errorCode: 409001 });
    const second = await ask({ type: 'rows', requestId: 'r', offset: 1, limit: 2 }, 'rows-done');
    expect(second.answer.total).toBe(6);
    expect(second.answer.rows.map((r) => r.line)).toEqual([2, 3]);
    const prefixed = await ask(
      { type: 'rows', requestId: 'r', offset: 0, limit: 10, idPrefix: 'g' },
      'rows-done',
    );
    expect(prefixed.answer.rows.map((r) => r.id)).toEqual(['gone']);
  });

  it('writes the undo file from the kept plan and checks a job log against it', async () => {
    const ask = session();
    await ask(
      { type: 'plan', requestId: 'p', importFile, registry: registryFile, options: {} },
      'plan-done',
    );
    const undo = await ask({ type: 'undo', requestId: 'u' }, 'undo-done');
    const expected = buildUndo(planWhole(registry, lines).result.changes);
    expect(undo.answer.summary).toEqual(expected.summary);
    expect(undo.answer.summary).toMatchObject({ delete: 1, recreate: 1 });
    const undoText = await undo.answer.file.text();
    expect(undoText).toContain('"id":"gone"');
    expect(undoText).toContain(KEY_A);
    const log = new Blob([
      '{"deviceId":"a","errorCode":409001,"errorStatus":"exists"}\n',
      '{"deviceId":"new","errorCode":403002,"errorStatus":"cap"}\n',
    ]);
    const check = await ask({ type: 'check', requestId: 'c', errorLog: log }, 'check-done');
    expect(check.answer.mismatches).toEqual([
      { id: 'new', line: 4, planned: 'create', actualCode: 403002 },
    ]);
  });

  it('answers a file it cannot read with a failure, not a crash', async () => {
    const ask = session();
    const broken = {
      size: 10,
      slice: () => ({ arrayBuffer: () => Promise.reject(new Error('gone')) }),
    };
    await expect(
      ask(
        {
          type: 'plan',
          requestId: 'p',
          importFile: broken as unknown as Blob,
          registry: registryFile,
          options: {},
        },
        'plan-done',
      ),
    ).rejects.toThrow(/FILE_UNREADABLE/);
  });
});
