import { describe, expect, it } from 'vitest';
import { waitForPace } from '../../../../src/hub-emulator/jobs/job-env';

// Pacing reads the emulator's injected pacing timer, not the wall clock, so a test can say where a
// job stands on it. 1,000 devices a second: 60 devices are due 60 ms after the start.
async function elapsedMs(run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

describe('waitForPace', () => {
  it('waits until the batch is due on the injected pacing timer', async () => {
    const env = { pace: 1000, pacingTimer: () => 5_000 };
    expect(await elapsedMs(() => waitForPace(env, 5_000, 60))).toBeGreaterThanOrEqual(50);
  });

  it('does not wait when the pacing timer says the batch is already late', async () => {
    const env = { pace: 1000, pacingTimer: () => 5_000 };
    expect(await elapsedMs(() => waitForPace(env, 0, 60))).toBeLessThan(50);
  });

  it('yields without reading the timer when there is no pace', async () => {
    const env = {
      pace: undefined,
      pacingTimer: (): number => {
        throw new Error('an unpaced job never reads the pacing timer');
      },
    };
    await expect(waitForPace(env, 0, 1_000_000)).resolves.toBeUndefined();
  });
});
