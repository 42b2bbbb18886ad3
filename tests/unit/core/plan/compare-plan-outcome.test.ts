import { describe, expect, it } from 'vitest';
import { parseImportErrorLog } from '../../../../src/core/import-errors/parse-import-error-log';
import { createOutcomeCheck } from '../../../../src/core/plan/compare-plan-outcome';
import type { PlanRow } from '../../../../src/core/plan/plan-types';
import { exportLine, exportText, plan } from './support/plan-test-lines';

const registry = exportText(exportLine('a'), exportLine('b'), exportLine('b', { moduleId: 'm' }));
const planned = plan(registry, [
  { id: 'a', importMode: 'create' },
  { id: 'a', importMode: 'updateTwin', tags: { x: 1 } },
  { id: 'a', importMode: 'create' },
  { id: 'b', moduleId: 'm', importMode: 'create' },
  { id: 'c', importMode: 'update' },
  { id: 'b', importMode: 'updateTwin' },
  'not json',
]);

function check(log: string, rows: PlanRow[] = planned.rows) {
  const outcome = createOutcomeCheck(parseImportErrorLog([log]));
  const found = rows.map((row) => outcome.check(row)).filter((m) => m !== undefined);
  return [...found, ...outcome.finish()];
}

const LOG = [
  '{"deviceId":"a","errorCode":409001,"errorStatus":"A device with ID \'a\' is already registered."}',
  '{"deviceId":"a","errorCode":409001,"errorStatus":"A device with ID \'a\' is already registered."}',
  '{"deviceId":"b","moduleId":"m","errorCode":409301,"errorStatus":"x"}',
  '{"deviceId":"c","errorCode":404001,"errorStatus":"c"}',
  '{"errorCode":400012,"errorStatus":"Invalid device format in line: not json. Unexpected token"}',
  '',
].join('\n');

describe('comparing the plan with importErrors.log', () => {
  it('finds nothing when every predicted failure is in the log, one by one per device', () => {
    expect(planned.rows.map((r) => r.errorCode ?? r.outcome)).toEqual([
      409001,
      'update',
      409001,
      409301,
      404001,
      'unchanged',
      400012,
    ]);
    expect(check(LOG)).toEqual([]);
  });

  it('names a predicted failure the hub did not write, and one with another code', () => {
    const log = LOG.replace(
      '"deviceId":"c","errorCode":404001',
      '"deviceId":"c","errorCode":400004',
    )
      .split('\n')
      .filter((l) => !l.includes('409301'))
      .join('\n');
    expect(check(log)).toEqual([
      { line: 4, id: 'b', moduleId: 'm', planned: 'fail', plannedCode: 409301, actualCode: null },
      { line: 5, id: 'c', planned: 'fail', plannedCode: 404001, actualCode: 400004 },
    ]);
  });

  it('blames a failure nobody predicted on the first row of that device expected to succeed', () => {
    expect(check(LOG + '{"deviceId":"a","errorCode":412001,"errorStatus":"x"}\n')).toEqual([
      { line: 2, id: 'a', planned: 'update', actualCode: 412001 },
    ]);
    expect(check(LOG + '{"deviceId":"zz","errorCode":404001,"errorStatus":"zz"}\n')).toEqual([
      { line: undefined, id: 'zz', planned: undefined, actualCode: 404001 },
    ]);
  });

  it('does not look at rows left out of the job file', () => {
    expect(planned.rows[5]).toMatchObject({ outcome: 'unchanged', sent: false });
    expect(check(LOG, planned.rows.slice(5, 6))).toHaveLength(5);
  });

  it('predicts the device and identity counts after the job', () => {
    expect(planned.result.after).toEqual({ devices: 2, identities: 3 });
    const grown = plan(registry, [
      { id: 'n', importMode: 'create' },
      { id: 'b', importMode: 'delete' },
    ]);
    expect(grown.result.after).toEqual({ devices: 2, identities: 2 });
  });
});
