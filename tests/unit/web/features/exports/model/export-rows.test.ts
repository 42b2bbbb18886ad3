import { describe, expect, it } from 'vitest';
import { exportJob } from '../support/export-job';
import {
  defaultComparePair,
  diffLink,
  runningExportRef,
  toExportRow,
  toExportRows,
} from '../../../../../../src/web/features/exports/model/export-rows';

const job = exportJob;

describe('toExportRow', () => {
  it('says keys were excluded, included or unknown from the export flag', () => {
    expect(toExportRow(job({ excludeKeysInExport: true }))?.keys).toBe('excluded');
    expect(toExportRow(job({ excludeKeysInExport: false }))?.keys).toBe('included');
    expect(toExportRow(job({ excludeKeysInExport: null }))?.keys).toBe('unknown');
  });

  it('falls back to the operation id when the hub job never started, and drops rows with neither', () => {
    expect(toExportRow(job({ jobId: null }))?.ref).toBe('export-20261127-abcdefghij');
    expect(toExportRows([job({ jobId: null, operationId: null })])).toEqual([]);
  });

  it('shows device count and size only when the metadata has them', () => {
    const row = toExportRow(job({ deviceCount: 12, moduleCount: 3, fileSize: 4096 }));
    expect(row).toMatchObject({
      devices: { state: 'counted', devices: 12, modules: 3 },
      size: 4096,
      who: 'Ada Admin',
    });
    expect(toExportRow(job({}))).toMatchObject({ devices: { state: 'counting' }, size: null });
  });

  it('names each row by label, start time and short id, so same-second exports differ', () => {
    const rows = toExportRows([
      job({ jobId: 'j1', operationId: 'export-20261127-aaaaaaaaaa', label: 'nightly' }),
      job({ jobId: 'j2', operationId: 'export-20261127-aaaabbbbbb' }),
    ]);
    expect(rows.map((row) => row.name)).toEqual([
      { label: 'nightly', time: '2026-11-27T10:00:00Z', shortId: 'aaaaaa' },
      { label: null, time: '2026-11-27T10:00:00Z', shortId: 'bbbbbb' },
    ]);
  });

  it('lets only a completed export be browsed or compared', () => {
    expect(toExportRow(job({ status: 'running' }))?.ready).toBe(false);
    expect(toExportRow(job({ status: 'failed' }))?.ready).toBe(false);
    expect(toExportRow(job({ status: 'completed' }))?.ready).toBe(true);
  });
});

describe('defaultComparePair', () => {
  it('picks the newest completed export as B (after) and the one before as A (before), skipping unfinished ones', () => {
    const rows = toExportRows([
      job({ jobId: 'new', status: 'running' }),
      job({ jobId: 'mid' }),
      job({ jobId: 'old' }),
    ]);
    expect(defaultComparePair(rows)).toEqual({ a: 'old', b: 'mid' });
  });

  it('leaves B empty with a single completed export', () => {
    expect(defaultComparePair(toExportRows([job({ jobId: 'only' })]))).toEqual({
      a: 'only',
      b: null,
    });
  });
});

describe('diffLink', () => {
  it('encodes both ids as query parameters', () => {
    expect(diffLink('a&b', 'c d')).toBe('/diff?a=a%26b&b=c+d');
  });
});

describe('runningExportRef', () => {
  it('follows the export just started, else the first still running', () => {
    const rows = toExportRows([job({ jobId: 'done' }), job({ jobId: 'busy', status: 'enqueued' })]);
    expect(runningExportRef(rows, 'mine')).toBe('mine');
    expect(runningExportRef(rows, null)).toBe('busy');
    expect(runningExportRef(toExportRows([job({})]), null)).toBeNull();
  });
});
