import { describe, expect, it } from 'vitest';
import type { ConvertOptions } from '../../../../src/core/convert/types';
import { createConvertedText } from '../../../../src/core/plan/convert-for-plan';
import { planAll } from '../../../../src/core/plan/plan-all';
import { exportLine, exportText } from './support/plan-test-lines';

const OPTIONS: ConvertOptions = {
  format: 'auto',
  defaultMode: 'update',
  defaultStatus: 'enabled',
  keyPolicy: 'generate-here',
  skipInvalid: true,
};

function convert(
  text: string,
  chunk = 7,
): ReturnType<ReturnType<typeof createConvertedText>['finish']> & { all: string } {
  const converted = createConvertedText(OPTIONS);
  const bytes = new TextEncoder().encode(text);
  let all = '';
  for (let i = 0; i < bytes.length; i += chunk) all += converted.push(bytes.subarray(i, i + chunk));
  const end = converted.finish();
  return { ...end, all: all + end.text };
}

describe('a device list converted for the plan', () => {
  it('gives the import lines convert would, with keys left to the hub, the same every time', () => {
    const csv = 'Device ID;Status\nsensor-1;disabled\n';
    const first = convert(csv);
    expect(first.problem).toBeUndefined();
    expect(first.all).toBe('{"id":"sensor-1","importMode":"update","status":"disabled"}\n');
    expect(convert(csv, 3).all).toBe(first.all);
    const planned = planAll(first.all, exportText(exportLine('sensor-1')));
    expect(planned.rows).toMatchObject([{ outcome: 'update', fields: ['status'], keysKept: true }]);
  });

  it('has no plan for a list with an invalid row, and names the row', () => {
    const result = convert('deviceId,status\nok-1,enabled\nbad id,enabled\n');
    expect(result.problem).toMatch(/^1 invalid rows .*line 3/);
  });

  it('has no plan for an empty file', () => {
    expect(convert('').problem).toBe('the file is empty');
  });
});
