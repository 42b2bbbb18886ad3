import { describe, expect, it } from 'vitest';
import { checkPlanOutcome } from '../../../../../../src/web/features/jobs/model/check-plan-outcome';

const KEY = Buffer.alloc(32, 3).toString('base64');
const registry = `${JSON.stringify({
  id: 'dev-1',
  eTag: 'MA==',
  status: 'enabled',
  authentication: {
    symmetricKey: { primaryKey: KEY, secondaryKey: KEY },
    x509Thumbprint: { primaryThumbprint: null, secondaryThumbprint: null },
    type: 'sas',
  },
  twinETag: 'AAAAAAAAAAE=',
  tags: {},
  properties: { desired: {}, reported: {} },
  capabilities: { iotEdge: false },
  deviceScope: null,
})}\n`;
const job = [
  JSON.stringify({ id: 'dev-1', importMode: 'create', status: 'enabled' }),
  JSON.stringify({ id: 'dev-2', importMode: 'create', status: 'enabled' }),
].join('\n');
const errorLine = (id: string, code: number) =>
  JSON.stringify({ deviceId: id, errorCode: code, errorStatus: 'x' });

describe('checkPlanOutcome', () => {
  it('finds nothing when the hub refused exactly the rows the plan said it would', () => {
    const result = checkPlanOutcome(`${job}\n`, registry, `${errorLine('dev-1', 409001)}\n`);
    expect(result).toEqual({ rowsChecked: 2, mismatches: [] });
  });

  it('names a row the plan expected to succeed that the hub refused, and one it expected to fail', () => {
    const result = checkPlanOutcome(`${job}\n`, registry, `${errorLine('dev-2', 403002)}\n`);
    expect(result.mismatches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'dev-1', planned: 'fail', actualCode: null }),
        expect.objectContaining({ id: 'dev-2', actualCode: 403002 }),
      ]),
    );
  });
});
