import { describe, expect, it } from 'vitest';
import type { SetupCheckResponse, SetupCheckStatus } from '../../../../../../src/contracts/api';
import { summarizeSetupCheck } from '../../../../../../src/web/features/setup-check/model/summarize-setup-check';

const result = (...statuses: SetupCheckStatus[]): SetupCheckResponse => ({
  checkedAt: '2026-12-08T00:00:00.000Z',
  ok: !statuses.includes('problem'),
  checks: statuses.map((status) => ({
    id: 'clock-skew',
    title: 'clock',
    status,
    code: status === 'ok' ? 'OK' : 'CLOCK_SKEW',
    summary: '',
  })),
});

describe('summarizeSetupCheck', () => {
  it('leads with the problems and counts the warnings beside them', () => {
    expect(summarizeSetupCheck(result('problem', 'problem', 'warning', 'ok'))).toEqual({
      severity: 'error',
      headline: '2 problems found, 1 warning: fix them before the next import.',
    });
    expect(summarizeSetupCheck(result('problem')).headline).toBe(
      '1 problem found: fix it before the next import.',
    );
  });

  it('says warnings alone are no problem', () => {
    expect(summarizeSetupCheck(result('warning', 'skipped', 'ok'))).toEqual({
      severity: 'warning',
      headline: 'No problems; 1 warning.',
    });
  });

  it('says when every check passed, skipped ones included', () => {
    expect(summarizeSetupCheck(result('ok', 'skipped')).severity).toBe('success');
  });
});
