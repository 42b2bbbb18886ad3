import { describe, expect, it } from 'vitest';
import { exportJob } from '../support/export-job';
import {
  awaitsDeviceCount,
  COUNT_POLL_WINDOW_MS,
  deviceCountState,
  moduleCountWords,
} from '../../../../../../src/web/features/exports/model/export-rows';

const ENDED = '2026-11-27T10:01:00Z';

const job = exportJob;

describe('deviceCountState', () => {
  it('shows the count of a counted export, with its modules', () => {
    expect(deviceCountState(job({ deviceCount: 1_000_000, moduleCount: 12 }))).toEqual({
      state: 'counted',
      devices: 1_000_000,
      modules: 12,
    });
    expect(deviceCountState(job({ deviceCount: 0, moduleCount: 0 }))).toEqual({
      state: 'counted',
      devices: 0,
      modules: 0,
    });
  });

  it('says counting for a completed export without a count yet', () => {
    expect(deviceCountState(job({}))).toEqual({ state: 'counting' });
  });

  it('shows no count for failed, cancelled and running exports, nor for one the hub forgot before it was counted', () => {
    for (const status of ['failed', 'cancelled', 'running', 'enqueued'] as const)
      expect(deviceCountState(job({ status })).state).toBe('none');
    expect(deviceCountState(job({ hubHistoryExpired: true })).state).toBe('none');
  });
});

describe('awaitsDeviceCount', () => {
  const ended = Date.parse(ENDED);

  it('keeps the list polling for a count while the export ended recently', () => {
    expect(awaitsDeviceCount(job({}), ended + 5_000)).toBe(true);
    expect(awaitsDeviceCount(job({}), ended + COUNT_POLL_WINDOW_MS + 1)).toBe(false);
  });

  it('stops polling once counted, and never polls for failed exports or imports', () => {
    expect(awaitsDeviceCount(job({ deviceCount: 3, moduleCount: 0 }), ended)).toBe(false);
    expect(awaitsDeviceCount(job({ status: 'failed' }), ended)).toBe(false);
    expect(awaitsDeviceCount(job({ type: 'import' }), ended)).toBe(false);
  });
});

describe('moduleCountWords', () => {
  it('formats the module count with separators and the right number', () => {
    expect(moduleCountWords(1)).toBe('+ 1 module');
    expect(moduleCountWords(12)).toBe('+ 12 modules');
    expect(moduleCountWords(12_345)).toBe('+ 12,345 modules');
  });
});
