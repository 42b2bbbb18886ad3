import { describe, expect, it } from 'vitest';
import { convertAll } from '../../../../src/core/convert/convert-all';
import { detectColumnTarget } from '../../../../src/core/convert/detect-column-target';
import type { ConvertOptions } from '../../../../src/core/convert/types';
import { DEFAULT_OPTIONS } from './support/fixture-cases';

// What a real spreadsheet export looks like (an admin's Excel file): semicolons, labelled columns,
// rows that carry one key only.
const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('base64');
const EXCEL = [
  'Device ID;Status;Auth;Primary Key;Tag: building;Tag: floor;desired.telemetryInterval',
  `dev-1;enabled;sas;${KEY_A};B1;3;30`,
  `dev-2;disabled;sas;${KEY_B};B2;4;60`,
].join('\r\n');

const seeded = (): ((length: number) => Uint8Array) => {
  let n = 0;
  return (length) => new Uint8Array(length).fill(++n);
};

function convert(input: string, options: Partial<ConvertOptions> = {}) {
  return convertAll(input, { ...DEFAULT_OPTIONS, ...options }, { randomBytes: seeded() });
}

describe('mapping real spreadsheets', () => {
  it.each([
    ['Tag: building', 'tags.building'],
    ['tag: Floor Level', 'tags.Floor_Level'],
    ['Tag building', 'tags.building'],
    ['tag.site', 'tags.site'],
    ['Desired: interval', 'properties.desired.interval'],
    ['Auth', 'authType'],
    ['Authentication type', 'authType'],
    ['Edge', 'iotEdge'],
    ['Desired properties', 'desired'],
    ['Primary Key', 'primaryKey'],
    ['IOTC_SASKEY_SECONDARY', 'secondaryKey'],
  ])('detects the header %s as %s', (header, target) => {
    expect(detectColumnTarget(header)).toBe(target);
  });

  it('detects every column of a semicolon Excel export with labelled tag columns', () => {
    const { report } = convert(EXCEL, { oneKeyFix: 'generate-other' });
    expect(report.unmappedColumns).toEqual([]);
    expect(report.columns.map((c) => c.detected)).toEqual([
      'id',
      'status',
      'authType',
      'primaryKey',
      'tags.building',
      'tags.floor',
      'properties.desired.telemetryInterval',
    ]);
  });

  it('refuses one-key rows by default, naming the fix', () => {
    const { report } = convert(EXCEL);
    expect(report.invalid).toBe(2);
    expect(report.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual([
      'KEYS_BOTH_OR_NEITHER',
      'KEYS_BOTH_OR_NEITHER',
    ]);
  });

  it('generates the missing key here and hands it over in the keys file', () => {
    const { report, output, keysCsv } = convert(EXCEL, { oneKeyFix: 'generate-other' });
    expect(report.valid).toBe(2);
    expect(report.generatedKeys).toBe(2);
    const first = JSON.parse(output.split('\n')[0] ?? '') as {
      authentication: { symmetricKey: { primaryKey: string; secondaryKey: string } };
      tags: Record<string, unknown>;
    };
    expect(first.authentication.symmetricKey.primaryKey).toBe(KEY_A);
    expect(first.authentication.symmetricKey.secondaryKey).toBe(
      Buffer.alloc(32, 1).toString('base64'),
    );
    expect(first.tags).toEqual({ building: 'B1', floor: 3 });
    expect(keysCsv.split('\n')[1]).toBe(
      `dev-1,,${KEY_A},${Buffer.alloc(32, 1).toString('base64')}`,
    );
    expect(report.issueCounts?.['KEY_GENERATED']).toBe(2);
  });

  it('lets the hub generate both keys when asked, saying the given key is not used', () => {
    const { report, output } = convert(EXCEL, { oneKeyFix: 'hub-generates-both' });
    expect(report.valid).toBe(2);
    expect(output).not.toContain('symmetricKey');
    expect(report.issues.find((i) => i.code === 'KEY_DROPPED')?.message).toContain(
      'only primaryKey was given',
    );
  });

  it('reports a twin key the hub refuses once for the column, and writes nothing', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `d${i},1`).join('\n');
    const { report, output } = convert(`deviceId,tags.my site\n${rows}`, { skipInvalid: true });
    expect(report.mappingProblems).toEqual([
      expect.objectContaining({ column: 'tags.my site', code: 'TWIN_KEY_INVALID' }),
    ]);
    expect(report.issues.filter((i) => i.code === 'TWIN_KEY_INVALID')).toEqual([]);
    expect(report.written).toBe(false);
    expect(output).toBe('');
  });

  it('reports a dotted column nested too deep as TWIN_TOO_DEEP, once', () => {
    const path = Array.from({ length: 11 }, (_, i) => `k${i}`).join('.');
    const { report } = convert(`deviceId,tags.${path}\nd,1`);
    expect(report.mappingProblems?.map((p) => p.code)).toEqual(['TWIN_TOO_DEEP']);
  });

  it('converts once the admin types a valid name for the column', () => {
    const { report } = convert(`deviceId,tags.my site\nd,1`, {
      mapping: { 'tags.my site': 'tags.mySite' },
    });
    expect(report.mappingProblems).toBeUndefined();
    expect(report.written).toBe(true);
  });

  it('trims spaces around ids only when asked, with one warning per row', () => {
    const input = 'deviceId\n dev-1 \ndev-2';
    const refused = convert(input);
    expect(refused.report.issues[0]?.message).toContain('trim spaces around ids');
    const trimmed = convert(input, { trimIds: true });
    expect(trimmed.report.valid).toBe(2);
    expect(trimmed.output.split('\n')[0]).toContain('"id":"dev-1"');
    expect(trimmed.report.issues.map((i) => [i.line, i.code])).toEqual([[2, 'ID_TRIMMED']]);
  });

  it.each([
    ['deviceId,status\r\n', 'the file has a header but no devices'],
    ['[]', 'the file holds no devices'],
  ])('refuses a file without devices: %j', (input, message) => {
    const { report } = convert(input);
    expect(report.fileError).toEqual({ code: 'NO_DEVICES', message });
    expect(report.written).toBe(false);
  });
});
