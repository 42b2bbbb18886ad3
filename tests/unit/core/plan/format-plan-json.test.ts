import { describe, expect, it } from 'vitest';
import {
  planJsonHead,
  planJsonRow,
  planJsonTail,
} from '../../../../src/core/plan/format-plan-json';
import { describeRow, formatPlanSummary } from '../../../../src/core/plan/format-plan-summary';
import { deviceKey } from '../../../../src/core/registry/device-key';
import { exportLine, exportText, KEY_A, plan, rowOf } from './support/plan-test-lines';

const planned = plan(
  exportText(exportLine('a'), exportLine('a', { moduleId: 'm' })),
  [
    { id: 'a', importMode: 'update', status: 'disabled' },
    { id: 'a', moduleId: 'm', importMode: 'update' },
    { id: 'b', importMode: 'delete' },
  ],
  { rotateKeysOf: new Set([deviceKey('a', 'm')]) },
);

describe('the plan in the CLI shapes', () => {
  it('writes the exact --json row shape, and no other field', () => {
    expect(planned.rows.map(planJsonRow)).toEqual([
      '{"id":"a","line":1,"outcome":"update","fields":["status"]}',
      '{"id":"a","moduleId":"m","line":2,"outcome":"update","fields":["authentication.keys"],"keysRotated":true}',
      '{"id":"b","line":3,"outcome":"fail","errorCode":404001}',
    ]);
  });

  it('frames rows streamed in between, with or without rows', () => {
    const summary = planned.result.summary;
    expect(planJsonHead(summary, false) + planJsonTail(false)).toBe(
      '{"summary":{"create":0,"update":2,"unchanged":0,"delete":0,"fail":1},"rows":[]}\n',
    );
    expect(
      JSON.parse(
        planJsonHead(summary, true) +
          planned.rows.map(planJsonRow).join(',\n') +
          planJsonTail(true),
      ),
    ).toMatchObject({
      rows: [{ id: 'a' }, { id: 'a' }, { id: 'b' }],
    });
  });

  it('says in words what rows do, never with a key', () => {
    const text = formatPlanSummary(planned.result, planned.rows, 20);
    expect(text).toContain('create 0, update 2, unchanged 0, delete 0, fail 1');
    expect(describeRow(rowOf(planned, 1))).toBe(
      'line 1 update a: status; keys kept from the registry',
    );
    expect(describeRow(rowOf(planned, 2))).toBe(
      'line 2 update a/m: authentication.keys; new keys minted',
    );
    expect(describeRow(rowOf(planned, 3))).toBe(
      'line 3 fail   b: 404001 device "b" does not exist',
    );
    expect(text).not.toContain(KEY_A);
  });
});
