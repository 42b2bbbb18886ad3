import { describe, expect, it } from 'vitest';
import { CreateImportRequest } from '../../../../../../src/contracts/api';
import type { ConversionReport } from '../../../../../../src/core/convert/types';
import {
  buildCreateImportRequest,
  sourceExtensionOf,
} from '../../../../../../src/web/features/import/model/build-create-import-request';

const report: ConversionReport = {
  format: 'csv',
  total: 1000,
  valid: 990,
  invalid: 10,
  blank: 2,
  byMode: { create: 990 },
  byStatus: { enabled: 990 },
  issues: [],
  columns: [],
  unmappedColumns: [],
};

describe('buildCreateImportRequest', () => {
  it('builds a request the contract accepts', () => {
    const request = buildCreateImportRequest(
      { name: 'Devices.CSV', size: 12345 },
      { outputSize: 99999, outputSha256: 'a'.repeat(64), sourceSha256: 'b'.repeat(64), report },
    );
    expect(CreateImportRequest.parse(request)).toEqual(request);
    expect(request).toMatchObject({
      sourceExtension: 'csv',
      rowCounts: { total: 1000, valid: 990, invalid: 10, blank: 2 },
      byMode: { create: 990 },
    });
  });

  it('records the source columns the conversion used as keys, so the proxy masks them', () => {
    const columns: ConversionReport['columns'] = [
      { column: 'id', detected: 'id', effective: 'id', samples: [] },
      { column: 'primary', detected: null, effective: 'primaryKey', samples: [] },
      { column: 'k2', detected: null, effective: 'secondaryKey', samples: [] },
      { column: 'primaryKey', detected: 'primaryKey', effective: 'ignore', samples: [] },
      { column: 'secondaryKey', detected: 'secondaryKey', samples: [] },
    ];
    const request = buildCreateImportRequest(
      { name: 'devices.csv', size: 1 },
      {
        outputSize: 1,
        outputSha256: 'a'.repeat(64),
        sourceSha256: 'b'.repeat(64),
        report: { ...report, columns },
      },
    );
    expect(request.keyColumns).toEqual(['primary', 'k2', 'secondaryKey']);
    expect(CreateImportRequest.parse(request)).toEqual(request);
  });

  it('uses the detected format when the extension is not one the proxy stores', () => {
    expect(sourceExtensionOf('export.dat', 'ndjson')).toBe('ndjson');
    expect(sourceExtensionOf('list.TXT', 'csv')).toBe('txt');
  });
});
