import { describe, expect, it } from 'vitest';
import { parseErrorLogResponse } from '../../../../../../src/web/features/import-errors/api/parse-error-log-response';

describe('parseErrorLogResponse (no Worker in Node: the same-thread fallback)', () => {
  it('parses every line of the log and reports the bytes read', async () => {
    const body =
      '\uFEFF{"deviceId":"a","errorCode":409001,"errorStatus":"exists"}\r\n{"errorCode":400012,"errorStatus":"Invalid device format in line: {\\"id\\":\\"b\\"}"}\n';
    const seen: Array<number | null> = [];
    const { entries, deviceIds } = await parseErrorLogResponse(
      new Response(body, { headers: { 'content-length': '10' } }),
      (p) => seen.push(p.totalBytes),
    );
    expect(entries.map((e) => [e.line, e.deviceId, e.errorCode])).toEqual([
      [1, 'a', 409001],
      [2, 'b', 400012],
    ]);
    expect([...deviceIds]).toEqual(['a', 'b']);
    expect(seen).toEqual([10]);
  });
});
