import { describe, expect, it } from 'vitest';
import { formatProxyEntry } from '../../../src/dev-stack/format-proxy-log';

const CONTROLS = /[\p{Cc}\u2028\u2029]/u;
const forged = 'x\u001b[2J\r\n\u009b31mproxy: audit action=import.start result=ok\u2028';

describe('the dev log', () => {
  it('shows control characters of a logged value as escapes, so no line can be forged', () => {
    const line = formatProxyEntry({ level: 'info', msg: 'audit', jobId: forged, requestId: 'r1' });
    expect(line).not.toMatch(CONTROLS);
    expect(line).toContain('jobId=x\\u001b[2J\\u000d\\u000a\\u009b31mproxy');
  });

  it('escapes them in request lines and in values that are not strings', () => {
    const request = formatProxyEntry({
      level: 'info',
      msg: 'request',
      method: 'GET',
      path: `/api/jobs/${forged}`,
      status: 404,
      ms: 1,
      requestId: 'r2',
    });
    expect(request).not.toMatch(CONTROLS);
    const nested = formatProxyEntry({ level: 'warn', msg: 'x', details: { id: forged } });
    expect(nested).not.toMatch(CONTROLS);
    expect(nested?.startsWith('proxy warn: x details=')).toBe(true);
  });
});
