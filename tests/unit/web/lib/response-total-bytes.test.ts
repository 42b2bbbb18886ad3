import { describe, expect, it } from 'vitest';
import { responseTotalBytes } from '../../../../src/web/lib/response-total-bytes';

function answer(headers: Record<string, string>): Response {
  return new Response(null, { headers });
}

describe('responseTotalBytes', () => {
  it('reads Content-Length', () => {
    expect(responseTotalBytes(answer({ 'content-length': '1234' }))).toBe(1234);
  });

  it("takes the blob's size when a masked download has no Content-Length", () => {
    expect(responseTotalBytes(answer({ 'x-blob-size': '5000' }))).toBe(5000);
  });

  it('prefers Content-Length, the exact count, over the blob size', () => {
    expect(responseTotalBytes(answer({ 'content-length': '10', 'x-blob-size': '12' }))).toBe(10);
  });

  const noTotal: Record<string, string>[] = [
    {},
    { 'x-blob-size': '12 bytes' },
    { 'x-blob-size': '-1' },
    { 'x-blob-size': '' },
  ];
  it.each(noTotal)('knows no total from %j', (headers) => {
    expect(responseTotalBytes(answer(headers))).toBeNull();
  });
});
