import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/proxy/http/api-error';
import { assertMatchesClaim } from '../../../../src/proxy/operations/verify-converted-file';
import type { OperationMetadata } from '../../../../src/proxy/storage/operation-metadata';

// The comparison of the browser's claim with the proxy's own figures; the streaming hash itself is
// exercised against Azurite in tests/integration/proxy/start-audit.test.ts.

const claimed: OperationMetadata = {
  kind: 'import',
  createdAt: '2026-12-04T10:00:00.000Z',
  createdByName: 'Ada',
  createdByOid: 'oid-ada',
  convertedSize: 10,
  convertedSha256: 'a'.repeat(64),
};

const refusal = (measured: { size: number; sha256: string }): ApiError | undefined => {
  try {
    assertMatchesClaim(claimed, measured);
    return undefined;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
};

describe('comparing the stored file with the claim', () => {
  it('accepts the file the import was created for', () => {
    expect(refusal({ size: 10, sha256: 'a'.repeat(64) })).toBeUndefined();
  });

  it.each([
    ['another size', { size: 11, sha256: 'a'.repeat(64) }, /size differs/],
    ['the same size and another hash', { size: 10, sha256: 'b'.repeat(64) }, /SHA-256 differs/],
  ])('refuses %s with CONVERTED_FILE_MISMATCH and both figures', (_, measured, message) => {
    const error = refusal(measured);
    expect([error?.status, error?.code]).toEqual([409, 'CONVERTED_FILE_MISMATCH']);
    expect(error?.message).toMatch(message);
    expect(error?.details).toEqual({
      claimed: { size: 10, sha256: 'a'.repeat(64) },
      stored: measured,
    });
  });
});
