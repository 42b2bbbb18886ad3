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

  it('uses the detected format when the extension is not one the proxy stores', () => {
    expect(sourceExtensionOf('export.dat', 'ndjson')).toBe('ndjson');
    expect(sourceExtensionOf('list.TXT', 'csv')).toBe('txt');
  });
});
