import { describe, expect, it } from 'vitest';
import { parseErrorLogLine } from '../../../../../../src/web/features/import-errors/model/parse-error-log-line';

describe('parseErrorLogLine', () => {
  it('reads the hub line for an existing device (409001)', () => {
    expect(parseErrorLogLine('{"deviceId":"dev-1","errorCode":409001,"errorStatus":"A device with ID \'dev-1\' is already registered."}', 3)).toEqual({
      logLine: 3, deviceId: 'dev-1', moduleId: null, code: 409001, status: "A device with ID 'dev-1' is already registered.",
    });
  });

  it('reads an unparseable-line entry, which has no deviceId (400012)', () => {
    const entry = parseErrorLogLine('{"errorCode":400012,"errorStatus":"Invalid device format in line: x"}', 1);
    expect(entry).toMatchObject({ deviceId: null, code: 400012 });
  });

  it('accepts the code as a string, as the C# models type it', () => {
    expect(parseErrorLogLine('{"deviceId":"a","errorCode":"404001","errorStatus":"a"}', 1)?.code).toBe(404001);
  });

  it('skips blank lines and keeps non-JSON lines as unreadable entries', () => {
    expect(parseErrorLogLine('   ', 1)).toBeNull();
    expect(parseErrorLogLine('oops', 2)).toMatchObject({ code: null, status: 'oops' });
  });
});
