import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  CheckOutcomeDoneMessage,
  FromPlanWorker,
  PlanDoneMessage,
  ToPlanWorker,
  UndoDoneMessage,
} from '../../../../src/contracts/worker/plan-messages';
import type { PlanRowSchema } from '../../../../src/contracts/worker/plan-report';
import { parseImportErrorLog } from '../../../../src/core/import-errors/parse-import-error-log';
import { createOutcomeCheck } from '../../../../src/core/plan/compare-plan-outcome';
import type { PlanRow } from '../../../../src/core/plan/plan-types';
import { buildUndo } from '../../../../src/core/undo/build-undo';
import { EDGE_SCOPE, exportLine, exportText, plan } from '../../core/plan/support/plan-test-lines';

// The worker shell only adapts messages: what core returns must fit the wire schemas as it is.
const registry = exportText(
  exportLine('a'),
  exportLine('gw', { capabilities: { iotEdge: true }, deviceScope: EDGE_SCOPE }),
  exportLine('leaf', { deviceScope: EDGE_SCOPE }),
  exportLine('blind', { authentication: null }),
);
const planned = plan(registry, [
  { id: 'a', importMode: 'update', status: 'disabled' },
  { id: 'gw', importMode: 'delete' },
  { id: 'new', importMode: 'create', capabilities: { iotEdge: true } },
  { id: 'blind', importMode: 'update' },
  { id: 'a', importMode: 'create' },
  { id: 'leaf', importMode: 'updateTwin' },
  '{',
]);

describe('plan worker messages carry core results unchanged', () => {
  it('has a row schema of exactly the core row type', () => {
    expectTypeOf<z.infer<typeof PlanRowSchema>>().toEqualTypeOf<PlanRow>();
  });

  it('fits a plan with every kind of row and notice into plan-done', () => {
    const message = {
      type: 'plan-done',
      requestId: 'r1',
      summary: planned.result.summary,
      notices: planned.result.notices,
      rows: planned.result.rows,
      sent: planned.result.sent,
      leftOut: planned.result.leftOut,
      keysKeptSent: planned.rows.filter((row) => row.keysKept === true && row.sent).length,
      after: planned.result.after,
      jobFile: new Blob([planned.jobText]),
      jobSha256: 'a'.repeat(64),
      jobByMode: { update: 2, create: 1 },
      registryIssues: [],
      firstRows: planned.rows,
    };
    const parsed = PlanDoneMessage.parse(message);
    expect(parsed.firstRows).toEqual(planned.rows);
    expect(parsed.notices.length).toBeGreaterThan(3);
  });

  it('fits an undo and an outcome check into their messages', () => {
    const undo = buildUndo(planned.result.changes);
    const done = {
      type: 'undo-done',
      requestId: 'r2',
      file: new Blob([]),
      summary: undo.summary,
      notices: undo.notices,
    };
    expect(UndoDoneMessage.parse(done)).toEqual(done);
    const check = createOutcomeCheck(
      parseImportErrorLog(['{"deviceId":"zz","errorCode":404001,"errorStatus":"zz"}\n']),
    );
    const mismatches = [
      ...planned.rows.map((r) => check.check(r)).filter((m) => m !== undefined),
      ...check.finish(),
    ];
    expect(mismatches.length).toBeGreaterThan(0);
    expect(
      CheckOutcomeDoneMessage.parse({ type: 'check-done', requestId: 'r3', mismatches }).mismatches,
    ).toEqual(mismatches);
  });

  it('parses every request and refuses a malformed one', () => {
    const blob = new Blob(['']);
    for (const request of [
      {
        type: 'plan',
        requestId: 'a',
        importFile: blob,
        registry: blob,
        options: { rotateKeysOf: [{ id: 'd' }] },
      },
      { type: 'rows', requestId: 'b', offset: 0, limit: 100, outcomes: ['fail'] },
      { type: 'undo', requestId: 'c' },
      { type: 'check', requestId: 'd', errorLog: blob },
    ])
      expect(ToPlanWorker.parse(request)).toEqual(request);
    expect(() =>
      ToPlanWorker.parse({ type: 'rows', requestId: 'b', offset: 0, limit: 0 }),
    ).toThrow();
    expect(() =>
      FromPlanWorker.parse({
        type: 'failed',
        requestId: 'x',
        error: { code: 'oops', message: '' },
      }),
    ).toThrow();
  });
});
