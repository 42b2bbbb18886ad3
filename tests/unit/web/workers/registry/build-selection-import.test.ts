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
});
