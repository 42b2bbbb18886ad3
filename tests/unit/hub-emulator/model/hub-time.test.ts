import { describe, expect, it } from 'vitest';
import {
  dotNetTicks,
  hubTime,
  trackingTimestamp,
} from '../../../../src/hub-emulator/model/hub-time';

describe('hub time', () => {
  it('writes times with seven fractional digits', () => {
    expect(hubTime(new Date('2021-07-07T20:44:47.850Z'))).toBe('2021-07-07T20:44:47.8500000Z');
  });

  it('mints generationId as .NET ticks (recorded 637612875267717085 = 2021-07-07T20:45:26.771Z)', () => {
    expect(dotNetTicks(new Date('2021-07-07T20:45:26.771Z'))).toBe('637612875267710000');
  });

  it('formats tracking timestamps like the recorded errors', () => {
    expect(trackingTimestamp(new Date('2021-07-07T20:45:26Z'))).toBe('07/07/2021 20:45:26');
  });
});
