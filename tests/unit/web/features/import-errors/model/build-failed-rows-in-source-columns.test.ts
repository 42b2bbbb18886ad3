import { describe, expect, it } from 'vitest';
import { convertAll } from '../../../../../../src/core/convert/convert-all';
import { SourceRowCollector } from '../../../../../../src/web/features/import-errors/model/collect-source-rows';
import { buildFailedRowsInSourceColumns } from '../../../../../../src/web/features/import-errors/model/build-failed-rows-in-source-columns';
import { joinErrorRows } from '../../../../../../src/web/features/import-errors/model/error-rows';
import { DEFAULT_OPTIONS } from '../../../../core/convert/support/fixture-cases';

// The admin's own semicolon file, as Excel writes it: BOM, CRLF, a quoted cell with the delimiter.
const SOURCE_LINES = [
  'Device ID;Status;Tag: site',
  'ok-1;enabled;North',
  'dup-2;disabled;"Hall; east"',
  'ok-3;enabled;South',
  'dup-4;enabled;=SUM(A1)',
];

function failedRowsFile(failedIds: string[]) {
  const collector = new SourceRowCollector('csv', new Set(failedIds));
  collector.pushLines(SOURCE_LINES, 1);
  const sources = collector.finish();
  const layout = collector.csvLayout();
  if (!layout) throw new Error('a CSV source has a layout');
  const entries = failedIds.map((deviceId, index) => ({
    line: index + 1,
    deviceIdFromQuotedLine: false,
    deviceId,
    moduleId: null,
    errorCode: 409001,
    errorStatus: 'A device with this id already exists.',
  }));
  return buildFailedRowsInSourceColumns(joinErrorRows(entries, sources), {
    ...layout,
    bom: true,
    lineEnding: '\r\n',
  });
}

describe('failed rows in the source file columns', () => {
  it('writes the original header and rows as they were, with an error column, BOM and CRLF', async () => {
    const file = failedRowsFile(['dup-2', 'dup-4']);
    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Device ID;Status;Tag: site;error');
    expect(lines[1]).toMatch(/^dup-2;disabled;"Hall; east";409001 DeviceAlreadyExists: /);
    // The source's own cell is kept exactly; only the new error cell is ours to escape.
    expect(lines[2]).toMatch(/^dup-4;enabled;=SUM\(A1\);409001 /);
    expect(lines[3]).toBe('');
    expect(lines).toHaveLength(4);
    expect(file).toMatchObject({ written: 2, missing: 0 });
  });

  it('drops back into the converter after a fix: the error column is ignored', async () => {
    const file = failedRowsFile(['dup-2']);
    const fixed = (await file.blob.text()).replace('dup-2', 'dup-2b');
    const result = convertAll(fixed, DEFAULT_OPTIONS);
    expect(result.report.invalid).toBe(0);
    expect(result.report.valid).toBe(1);
    const line = JSON.parse(result.output.trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ id: 'dup-2b', status: 'disabled', tags: { site: 'Hall; east' } });
    expect(JSON.stringify(line)).not.toContain('DeviceAlreadyExists');
  });

  it('counts failed rows it has no source row for instead of dropping them silently', () => {
    const file = failedRowsFile(['dup-2', 'not-in-file']);
    expect(file).toMatchObject({ written: 1, missing: 1 });
  });
});
