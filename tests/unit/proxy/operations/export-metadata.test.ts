import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../../src/proxy/auth/bearer-verifier';
import { exportMetadataFor } from '../../../../src/proxy/operations/export-metadata';

const admin = { name: 'Ada', objectId: 'oid-1', roles: ['admin'] } as unknown as Principal;
const at = new Date('2026-12-08T05:00:00.000Z');

describe('exportMetadataFor', () => {
  it('records who asked, when, and whether the export holds keys', () => {
    expect(
      exportMetadataFor(admin, { excludeKeys: false, includeConfigurations: true }, at),
    ).toEqual({
      kind: 'export',
      createdAt: '2026-12-08T05:00:00.000Z',
      createdByName: 'Ada',
      createdByOid: 'oid-1',
      excludeKeysInExport: false,
      includeConfigurations: true,
      keysInside: true,
    });
  });

  it('keeps a label only when one was given', () => {
    const keyless = { excludeKeys: true, includeConfigurations: false };
    expect(exportMetadataFor(admin, keyless, at)).not.toHaveProperty('label');
    expect(exportMetadataFor(admin, { ...keyless, label: 'before migration' }, at)).toMatchObject({
      label: 'before migration',
      keysInside: false,
    });
  });
});
