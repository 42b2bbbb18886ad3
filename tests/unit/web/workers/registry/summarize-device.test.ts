import { describe, expect, it } from 'vitest';
import { summarizeDevice } from '../../../../../src/web/workers/registry/summarize-device';

describe('summarizeDevice', () => {
  it('keeps scalar tags only, as text, and never a key', () => {
    const row = summarizeDevice(
      {
        id: 'd',
        status: 'disabled',
        authentication: {
          type: 'sas',
          symmetricKey: { primaryKey: 'SECRET', secondaryKey: 'SECRET' },
        },
        tags: { site: 'berlin', floor: 3, nested: { a: 1 }, on: true, empty: null },
      },
      7,
    );
    expect(row).toEqual({
      index: 7,
      id: 'd',
      status: 'disabled',
      authType: 'sas',
      edge: false,
      tags: [
        ['site', 'berlin'],
        ['floor', '3'],
        ['on', 'true'],
      ],
    });
    expect(JSON.stringify(row)).not.toContain('SECRET');
  });

  it('marks records exported without authentication with an empty auth type, and edge devices', () => {
    expect(
      summarizeDevice(
        { id: 'e', moduleId: 'm', authentication: null, capabilities: { iotEdge: true } },
        0,
      ),
    ).toMatchObject({ moduleId: 'm', authType: '', edge: true, status: '' });
  });

  it('caps the number of tags and the length of a tag value', () => {
    const tags = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`t${i}`, 'x'.repeat(200)]),
    );
    const row = summarizeDevice({ id: 'd', tags }, 0);
    expect(row.tags).toHaveLength(20);
    expect(row.tags[0]?.[1]).toHaveLength(80);
  });
});
