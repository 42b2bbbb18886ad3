import { describe, expect, it } from 'vitest';
import { buildSelectionImport } from '../../../../../src/web/workers/registry/build-selection-import';

const KEYS = { primaryKey: 'cHJpbWFyeQ==', secondaryKey: 'c2Vjb25kYXJ5' };
const texts = [
  { id: 'a', eTag: 'e1', status: 'enabled', authentication: { type: 'sas', symmetricKey: KEYS } },
  {
    id: 'a',
    moduleId: 'm',
    status: 'enabled',
    authentication: { type: 'sas', symmetricKey: KEYS },
  },
  { id: 'b', status: 'disabled', authentication: { type: 'sas', symmetricKey: KEYS } },
  { id: 'c', status: 'enabled', authentication: { type: 'selfSigned', x509Thumbprint: {} } },
].map((device) => JSON.stringify(device));

const linesOf = async (file: Blob) =>
  (await file.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('buildSelectionImport', () => {
  it('writes one line per device the action changes and counts the rest by reason', async () => {
    const built = buildSelectionImport('disable', texts);
    expect(built.written).toBe(2);
    expect(built.leftOut).toEqual({
      'a module has no status of its own': 1,
      'already disabled': 1,
    });
    const lines = await linesOf(built.file);
    expect(lines.map((line) => [line['id'], line['importMode'], line['status']])).toEqual([
      ['a', 'updateIfMatchETag', 'disabled'],
      ['c', 'update', 'disabled'],
    ]);
    expect(lines[0]?.['authentication']).toEqual({ type: 'sas', symmetricKey: KEYS });
  });

  it('takes only the records at the given indices, in their order', async () => {
    const built = buildSelectionImport('swap-keys', texts, Int32Array.from([2, 1]));
    expect(built.written).toBe(2);
    const lines = await linesOf(built.file);
    expect(lines.map((line) => [line['id'], line['moduleId']])).toEqual([
      ['b', undefined],
      ['a', 'm'],
    ]);
    expect(lines[0]?.['authentication']).toEqual({
      type: 'sas',
      symmetricKey: { primaryKey: KEYS.secondaryKey, secondaryKey: KEYS.primaryKey },
    });
  });

  it('writes an empty file when nothing is selected', async () => {
    const built = buildSelectionImport('delete', texts, new Int32Array(0));
    expect(built).toMatchObject({ written: 0, leftOut: {} });
    expect(await built.file.text()).toBe('');
  });

  it('regenerates primary keys and returns them once as a formula-guarded CSV', async () => {
    const withOddId = [
      ...texts,
      JSON.stringify({
        id: '=sum',
        status: 'enabled',
        authentication: { type: 'sas', symmetricKey: KEYS },
      }),
    ];
    let fill = 0;
    const built = buildSelectionImport('regenerate-primary', withOddId, undefined, (length) =>
      new Uint8Array(length).fill(++fill),
    );
    expect(built.written).toBe(3);
    expect(built.leftOut).toEqual({
      "a module's keys are its own: not regenerated with its device": 1,
      'it does not use SAS keys': 1,
    });
    const lines = await linesOf(built.file);
    const csv = (await built.newKeys?.text())?.split('\r\n').filter(Boolean);
    expect(csv?.[0]).toBe('id,primaryKey,secondaryKey');
    expect(csv?.slice(1)).toEqual(
      lines.map((line) => {
        const keys = (line['authentication'] as { symmetricKey: Record<string, string> })
          .symmetricKey;
        const id = line['id'] === '=sum' ? "'=sum" : String(line['id']);
        return `${id},${keys['primaryKey']},${keys['secondaryKey']}`;
      }),
    );
    for (const line of lines) {
      const keys = (line['authentication'] as { symmetricKey: Record<string, string> })
        .symmetricKey;
      expect(keys['primaryKey']).not.toBe(KEYS.primaryKey);
      expect(keys['secondaryKey']).toBe(KEYS.secondaryKey);
    }
  });

  it('returns no key file for an action that makes no keys', () => {
    expect(buildSelectionImport('swap-keys', texts).newKeys).toBeUndefined();
  });
});
