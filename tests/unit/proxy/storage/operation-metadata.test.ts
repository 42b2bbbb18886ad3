import { describe, expect, it } from 'vitest';
import {
  fromContainerMetadata,
  toContainerMetadata,
  type OperationMetadata,
} from '../../../../src/proxy/storage/operation-metadata';
import {
  hubOutputContainerName,
  isOperationId,
  newOperationId,
} from '../../../../src/proxy/storage/operation-names';

const metadata: OperationMetadata = {
  kind: 'import',
  createdAt: '2026-11-27T10:00:00.000Z',
  createdByName: "Zoë O'Brien",
  createdByOid: '00000000-0000-0000-0000-000000000001',
  fileName: 'Geräte; Liste "Nord".csv',
  fileSize: 1234,
  sourceSha256: 'a'.repeat(64),
  rowCounts: { total: 3, valid: 2, invalid: 1, blank: 0 },
  byMode: { create: 2 },
  keysInside: true,
};

describe('container metadata', () => {
  it('round-trips Unicode names and structured fields through ASCII header-safe values', () => {
    const raw = toContainerMetadata(metadata);
    for (const [name, value] of Object.entries(raw)) {
      expect(name).toMatch(/^[a-z][a-z0-9]*$/);
      expect(value).toMatch(/^[\x21-\x7e]*$/);
    }
    expect(fromContainerMetadata(raw)).toEqual(metadata);
  });

  it("round-trips the start claim and the proxy's own figures of the file", () => {
    const started: OperationMetadata = {
      ...metadata,
      startClaimedAt: '2026-11-27T10:05:00.000Z',
      startClaimedByOid: 'oid-admin',
      verifiedSize: 0,
      verifiedSha256: 'b'.repeat(64),
      jobId: 'job-1',
      jobAdoptedAt: '2026-11-27T10:06:00.000Z',
    };
    const back = fromContainerMetadata(toContainerMetadata(started));
    expect(back).toEqual(started);
    expect(typeof back?.verifiedSize).toBe('number');
  });

  it('reads names case-insensitively, as Azure may return them', () => {
    const raw = Object.fromEntries(
      Object.entries(toContainerMetadata(metadata)).map(([k, v]) => [k.toUpperCase(), v]),
    );
    expect(fromContainerMetadata(raw)?.fileName).toBe(metadata.fileName);
  });

  it('rejects metadata this proxy did not write', () => {
    expect(fromContainerMetadata({ kind: 'backup' })).toBeUndefined();
    expect(fromContainerMetadata({ kind: 'import', createdat: '%E0%A4%A' })).toBeUndefined();
    expect(fromContainerMetadata(undefined)).toBeUndefined();
  });
});

describe('operation ids', () => {
  it("name an import's output container outside the operation listings", () => {
    const id = newOperationId('import', new Date('2026-11-27T23:59:59Z'));
    const output = hubOutputContainerName(id);
    expect(output).toBe(`output-${id}`);
    expect(output.length).toBeLessThanOrEqual(63);
    expect(isOperationId(output)).toBe(false);
    expect(output.startsWith('import-') || output.startsWith('export-')).toBe(false);
  });

  it('are valid, date-stamped container names', () => {
    const id = newOperationId('export', new Date('2026-11-27T23:59:59Z'));
    expect(id).toMatch(/^export-20261127-[a-z2-7]{10}$/);
    expect(id.length).toBeLessThanOrEqual(63);
    expect(isOperationId(id)).toBe(true);
  });

  it('refuses anything else, so a client cannot name a container', () => {
    for (const bad of [
      'import-20261127-AAAAAAAAAA',
      'import-20261127-aaaaaaaaa',
      '$logs',
      'import-20261127-aaaaaaaaaa/x',
      'other-20261127-aaaaaaaaaa',
    ]) {
      expect(isOperationId(bad)).toBe(false);
    }
  });
});
