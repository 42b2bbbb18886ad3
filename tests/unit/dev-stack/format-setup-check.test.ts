import { describe, expect, it } from 'vitest';
import type { SetupCheckResponse } from '../../../src/contracts/api/setup-check';
import { formatSetupCheck } from '../../../src/dev-stack/format-setup-check';

const response = (checks: SetupCheckResponse['checks']): SetupCheckResponse => ({
  checkedAt: '2026-12-08T00:00:00.000Z',
  ok: checks.every((check) => check.status !== 'problem'),
  checks,
});

describe('formatSetupCheck', () => {
  it('says in one line that every check passed, not counting skipped ones', () => {
    expect(
      formatSetupCheck(
        response([
          { id: 'job-slot', title: 'slot', status: 'ok', code: 'OK', summary: 'free' },
          {
            id: 'hub-storage-identity',
            title: 'id',
            status: 'skipped',
            code: 'SKIPPED',
            summary: '',
          },
        ]),
      ),
    ).toEqual(['Setup check: 1 check passed']);
  });

  it('names the hub of each line when given one', () => {
    const ok = response([
      { id: 'job-slot', title: 'slot', status: 'ok', code: 'OK', summary: 'free' },
    ]);
    expect(formatSetupCheck(ok, 'hub-b')).toEqual(['Setup check (hub-b): 1 check passed']);
    const warned = response([
      { id: 'clock-skew', title: 'Clock', status: 'warning', code: 'CLOCK_SKEW', summary: 'off' },
    ]);
    expect(formatSetupCheck(warned, 'hub-a')).toEqual(['Setup check (hub-a) warning: Clock: off']);
  });

  it('prints each problem and warning with its fix', () => {
    expect(
      formatSetupCheck(
        response([
          {
            id: 'storage-cors',
            title: 'CORS',
            status: 'problem',
            code: 'CORS_RULE_MISSING',
            summary: 'Refused.',
            fix: 'Add the rule.',
          },
          {
            id: 'job-slot',
            title: 'Slot',
            status: 'warning',
            code: 'JOB_SLOT_BUSY',
            summary: 'Busy.',
          },
        ]),
      ),
    ).toEqual([
      'Setup check problem: CORS: Refused. Fix: Add the rule.',
      'Setup check warning: Slot: Busy.',
    ]);
  });
});
