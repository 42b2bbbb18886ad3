import { describe, expect, it } from 'vitest';
import type { ImportErrorEntry } from '../../../../../../src/core/import-errors';
import {
  countByCode,
  failedIds,
  filterErrorRows,
  joinErrorRows,
  retryTargets,
  suggestedRetryMode,
} from '../../../../../../src/web/features/import-errors/model/error-rows';
import {
  buildFailedRowsCsv,
  withoutImportMode,
} from '../../../../../../src/web/features/import-errors/model/build-failed-rows-files';

function entry(
  line: number,
  deviceId: string | null,
  errorCode: number | null,
  errorStatus = 'x',
  moduleId: string | null = null,
): ImportErrorEntry {
  return { line, deviceId, moduleId, errorCode, errorStatus, deviceIdFromQuotedLine: false };
}

const entries: ImportErrorEntry[] = [
  entry(1, 'dev-1', 409001, 'exists'),
  entry(2, 'dev-2', 409001, 'exists', 'mod-a'),
  entry(3, '=cmd', 404001, '=cmd'),
  entry(4, null, 400012, 'Invalid device format'),
];

describe('error rows', () => {
  const rows = joinErrorRows(entries, new Map([['dev-1', { line: 7, values: 'dev-1,enabled' }]]));

  it('joins each error to its catalogue entry and source row', () => {
    expect(rows[0]).toMatchObject({ info: { name: 'DeviceAlreadyExists' }, source: { line: 7 } });
    expect(rows[1]?.source).toBeNull();
  });

  it('counts per code, most frequent first', () => {
    expect(countByCode(entries).map((c) => [c.key, c.count])).toEqual([
      ['409001', 2],
      ['404001', 1],
      ['400012', 1],
    ]);
  });

  it('filters by code and by id substring, case-insensitively', () => {
    expect(filterErrorRows(entries, '409001', '').length).toBe(2);
    expect(filterErrorRows(entries, '', 'DEV-2').map((row) => row.deviceId)).toEqual(['dev-2']);
    expect(filterErrorRows(entries, '', '')).toBe(entries);
  });

  it('retries only rows with an id, keeping the module id for the match', () => {
    expect([...failedIds(entries)]).toEqual(['dev-1', 'dev-2', '=cmd']);
    expect(retryTargets(entries)).toEqual([
      { deviceId: 'dev-1', moduleId: null },
      { deviceId: 'dev-2', moduleId: 'mod-a' },
      { deviceId: '=cmd', moduleId: null },
    ]);
  });

  it('suggests updateTwin (keys kept) for devices that already exist and nothing for unreadable lines', () => {
    expect(suggestedRetryMode(entries.slice(0, 2))).toBe('updateTwin');
    expect(suggestedRetryMode([entry(3, 'gone', 404001, 'missing')])).toBe('create');
    expect(suggestedRetryMode([entry(1, null, 400012)])).toBeNull();
  });

  it('writes a formula-safe failed-rows CSV', async () => {
    const text = await buildFailedRowsCsv(rows).text();
    expect(text).toContain("'=cmd");
    expect(text).not.toMatch(/(^|,)=cmd/m);
  });

  it('drops importMode from retry lines so the wizard default applies', async () => {
    const text = await withoutImportMode(
      '{"id":"dev-1","importMode":"createOrUpdate","status":"enabled"}\n',
    ).text();
    expect(text).toBe('{"id":"dev-1","status":"enabled"}\n');
  });
});
