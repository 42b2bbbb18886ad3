import { describe, expect, it } from 'vitest';
import { deviceKey } from '../../../../src/core/registry/device-key';
import {
  exportLine,
  exportText,
  jobLines,
  KEY_A,
  KEY_B,
  KEY_C,
  plan,
  rowOf,
  sasAuth,
  THUMB,
} from './support/plan-test-lines';

const x509 = {
  symmetricKey: { primaryKey: null, secondaryKey: null },
  x509Thumbprint: { primaryThumbprint: THUMB, secondaryThumbprint: null },
  type: 'selfSigned' as const,
};
const registry = exportText(
  exportLine('sas-1'),
  exportLine('x509-1', { authentication: x509 }),
  exportLine('blind-1', { authentication: null }),
);

describe('keys are kept unless a rotation is chosen', () => {
  it('disabling a device by a keyless update keeps its keys: the job line carries them', () => {
    const r = plan(registry, [{ id: 'sas-1', importMode: 'update', status: 'disabled' }]);
    expect(rowOf(r, 1)).toMatchObject({ outcome: 'update', fields: ['status'], keysKept: true });
    expect(rowOf(r, 1).keysRotated).toBeUndefined();
    expect(jobLines(r)[0]).toMatchObject({
      id: 'sas-1',
      status: 'disabled',
      authentication: sasAuth(),
    });
    expect(r.result.notices.map((n) => [n.code, n.count])).toContainEqual(['keys-kept', 1]);
  });

  it('keeps keys for empty keys of type sas, for createOrUpdate and the IfMatchETag modes too', () => {
    const empty = { type: 'sas', symmetricKey: { primaryKey: '', secondaryKey: '' } };
    const r = plan(registry, [
      { id: 'sas-1', importMode: 'createOrUpdate', authentication: empty, tags: { a: 1 } },
      { id: 'sas-1', importMode: 'updateIfMatchETag', status: 'disabled' },
      { id: 'sas-1', importMode: 'createOrUpdateIfMatchETag', status: 'enabled' },
    ]);
    expect(r.rows.every((row) => row.keysKept === true && row.keysRotated === undefined)).toBe(
      true,
    );
  });

  it('rotates when the admin chose it for that row: the line goes as it is', () => {
    const r = plan(registry, [{ id: 'sas-1', importMode: 'update', status: 'disabled' }], {
      rotateKeysOf: new Set([deviceKey('sas-1')]),
    });
    expect(rowOf(r, 1)).toMatchObject({
      fields: ['status', 'authentication.keys'],
      keysRotated: true,
    });
    expect(jobLines(r)[0]).toEqual({ id: 'sas-1', importMode: 'update', status: 'disabled' });
    expect(r.result.notices.map((n) => n.code)).toContain('keys-rotated');
  });

  it('rotates every keyless row when keeping keys is off', () => {
    const r = plan(registry, [{ id: 'sas-1', importMode: 'update' }], { keepKeys: false });
    expect(rowOf(r, 1)).toMatchObject({
      outcome: 'update',
      keysRotated: true,
      fields: ['authentication.keys'],
    });
  });

  it('keeps the thumbprints of an x509 device on a line without authentication', () => {
    const r = plan(registry, [{ id: 'x509-1', importMode: 'update', status: 'disabled' }]);
    expect(rowOf(r, 1)).toMatchObject({ fields: ['status'], keysKept: true });
    expect(jobLines(r)[0]?.authentication).toMatchObject({
      type: 'selfSigned',
      x509Thumbprint: { primaryThumbprint: THUMB },
    });
  });

  it('treats type sas without keys on an x509 device as the switch it asks for', () => {
    const r = plan(registry, [
      { id: 'x509-1', importMode: 'update', authentication: { type: 'sas' } },
    ]);
    expect(rowOf(r, 1).keysKept).toBeUndefined();
    expect(rowOf(r, 1).keysRotated).toBe(true);
    expect(rowOf(r, 1).fields).toEqual(
      expect.arrayContaining([
        'authentication.type',
        'authentication.x509Thumbprint.primaryThumbprint',
      ]),
    );
  });

  it('cannot keep keys the snapshot does not have, and says so', () => {
    const r = plan(registry, [{ id: 'blind-1', importMode: 'update', status: 'disabled' }]);
    expect(rowOf(r, 1)).toMatchObject({
      keysRotated: true,
      notes: ['keys-unknown', 'authentication-not-compared'],
    });
    expect(r.result.notices.map((n) => n.code)).toEqual(
      expect.arrayContaining(['keys-unknown', 'authentication-not-compared']),
    );
  });

  it('cannot keep keys an earlier line of the same file made the hub mint', () => {
    const r = plan(
      registry,
      [
        { id: 'sas-1', importMode: 'update' },
        { id: 'sas-1', importMode: 'update', status: 'disabled' },
      ],
      { rotateKeysOf: new Set([deviceKey('sas-1')]) },
    );
    expect(rowOf(r, 2).keysRotated).toBe(true);
  });

  it('leaves lines with their own keys alone, and reports a key change without the key', () => {
    const r = plan(registry, [
      { id: 'sas-1', importMode: 'update', authentication: sasAuth(KEY_C, KEY_B) },
    ]);
    expect(rowOf(r, 1)).toMatchObject({ outcome: 'update', fields: ['authentication.keys'] });
    expect(rowOf(r, 1).keysKept).toBeUndefined();
    expect(rowOf(r, 1).keysRotated).toBeUndefined();
    expect(JSON.stringify(r.rows)).not.toContain(KEY_C);
    expect(JSON.stringify(r.rows)).not.toContain(KEY_A);
  });

  it('needs no keys for a device the line creates', () => {
    const r = plan(registry, [{ id: 'new-1', importMode: 'createOrUpdate' }]);
    expect(rowOf(r, 1)).toMatchObject({ outcome: 'create' });
    expect(rowOf(r, 1).keysRotated).toBeUndefined();
    expect(jobLines(r)[0]).toEqual({ id: 'new-1', importMode: 'createOrUpdate' });
  });
});
