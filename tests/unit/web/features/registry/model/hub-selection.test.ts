import { describe, expect, it } from 'vitest';
import {
  hubAnswerWords,
  queryLabel,
  staleDevicesQuery,
  staleLabel,
  toHubSelection,
} from '../../../../../../src/web/features/registry/model/hub-selection';

const answer = (count: number, truncated = false) => ({
  takenAt: '2026-12-08T10:00:00.000Z',
  deviceIds: Array.from({ length: count }, (_, i) => `d-${i}`),
  truncated,
  limit: 10_000,
});

describe('a selection by the hub', () => {
  it('asks for the devices whose last device-to-cloud activity is before the day, UTC', () => {
    expect(staleDevicesQuery('2026-11-01')).toBe(
      "SELECT * FROM devices WHERE lastActivityTime < '2026-11-01T00:00:00Z'",
    );
    expect(staleLabel('2026-11-01')).toBe(
      "no activity since 2026-11-01 (the hub's lastActivityTime)",
    );
  });

  it.each(['', '2026-13-45', "2026-01-01' OR 1=1", '1 Nov 2026'])(
    'makes no query of %j, which is not a day',
    (day) => {
      expect(staleDevicesQuery(day)).toBeNull();
    },
  );

  it('names a query by its text on one line, shortened when long', () => {
    expect(queryLabel("  SELECT * FROM devices\n  WHERE status = 'disabled' ")).toBe(
      `hub query "SELECT * FROM devices WHERE status = 'disabled'"`,
    );
    expect(queryLabel(`SELECT * FROM devices WHERE ${'x'.repeat(200)}`)).toHaveLength(
      'hub query ""'.length + 120,
    );
  });

  it('keeps the ids, the time and the words of the answer', () => {
    expect(toHubSelection('q', answer(2))).toEqual({
      label: 'q',
      takenAt: '2026-12-08T10:00:00.000Z',
      deviceIds: ['d-0', 'd-1'],
    });
  });

  it('says how many the hub selected, and what the cap kept', () => {
    expect(hubAnswerWords(answer(1))).toBe('The hub selected 1 device.');
    expect(hubAnswerWords(answer(3, true))).toBe(
      'The hub has more than 10,000 devices for this query: the first 3 are selected (a selection by the hub holds at most 10,000). Narrow the query, or use the filters of the export for a larger selection.',
    );
  });
});
