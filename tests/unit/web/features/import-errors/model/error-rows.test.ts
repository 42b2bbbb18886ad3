import { describe, expect, it } from 'vitest';
import { countByCode, failedIds, filterErrorRows, joinErrorRows, suggestedRetryMode } from '../../../../../../src/web/features/import-errors/model/error-rows';
import { buildFailedRowsCsv, buildImportFile } from '../../../../../../src/web/features/import-errors/model/build-failed-rows-files';
import type { ImportErrorEntry } from '../../../../../../src/web/features/import-errors/model/parse-error-log-line';

const entries: ImportErrorEntry[] = [
  { logLine: 1, deviceId: 'dev-1', moduleId: null, code: 409001, status: 'exists' },
  { logLine: 2, deviceId: 'dev-2', moduleId: null, code: 409001, status: 'exists' },
  { logLine: 3, deviceId: '=cmd', moduleId: null, code: 404001, status: '=cmd' },
  { logLine: 4, deviceId: null, moduleId: null, code: 400012, status: 'Invalid device format' },
];

describe('error rows', () => {
  const rows = joinErrorRows(entries, new Map([['dev-1', { line: 7, values: 'dev-1,enabled' }]]));

  it('joins each error to its catalogue entry and source row', () => {
    expect(rows[0]).toMatchObject({ info: { name: 'DeviceAlreadyExists' }, source: { line: 7 } });
    expect(rows[1]?.source).toBeNull();
  });

  it('counts per code, most frequent first', () => {
    expect(countByCode(entries).map((entry) => [entry.key, entry.count])).toEqual([['409001', 2], ['404001', 1], ['400012', 1]]);
  });

  it('filters by code and by id substring', () => {
    expect(filterErrorRows(rows, '409001', '').length).toBe(2);
    expect(filterErrorRows(rows, '', 'DEV-2').map((row) => row.deviceId)).toEqual(['dev-2']);
  });

  it('retries only rows with an id and suggests createOrUpdate for existing devices', () => {
    expect([...failedIds(entries)]).toEqual(['dev-1', 'dev-2', '=cmd']);
    expect(suggestedRetryMode(rows.slice(0, 2))).toBe('createOrUpdate');
  });

  it('writes a formula-safe failed-rows CSV', async () => {
    const text = await buildFailedRowsCsv(rows).text();
    expect(text).toContain("'=cmd");
    expect(text).not.toMatch(/(^|,)=cmd/m);
  });

  it('drops importMode from retry lines so the wizard default applies', async () => {
    const text = await buildImportFile(['{"id":"dev-1","importMode":"create","status":"enabled"}'], true).text();
    expect(text).toBe('{"id":"dev-1","status":"enabled"}\n');
  });
});
