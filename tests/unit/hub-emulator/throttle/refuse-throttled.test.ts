import { describe, expect, it } from 'vitest';
import { createThrottleGate } from '../../../../src/hub-emulator/throttle/refuse-throttled';

const now = new Date('2030-01-01T00:00:00Z');

describe('createThrottleGate', () => {
  it('answers as the live hub by default: ThrottlingBacklogTimeout, Connection close, no Retry-After', () => {
    const gate = createThrottleGate({ tier: 'S1' });
    for (let i = 0; i < 20; i++) expect(gate('configurations', 1, 'PUT', now)).toBeUndefined();
    const refused = gate('configurations', 1, 'PUT', now);
    expect(refused?.errorName).toBe('ThrottlingBacklogTimeout');
    expect(refused?.status).toBe(429);
    expect(refused?.headers).toEqual({ connection: 'close' });
    expect(refused?.message).toBe(
      'The request has been throttled. Wait 3 seconds and try again. Operation type: ConfigurationWrite',
    );
  });

  it('names the error ThrottlingException and sends Retry-After when configured so', () => {
    const gate = createThrottleGate({
      tier: 'S1',
      retryAfter: true,
      errorName: 'ThrottlingException',
    });
    for (let i = 0; i < 100; i++) gate('jobs', 1, 'GET', now);
    const refused = gate('jobs', 1, 'GET', now);
    expect([refused?.errorName, refused?.numericCode]).toEqual(['ThrottlingException', 429001]);
    expect(refused?.headers['retry-after']).toBe('1');
    expect(refused?.message).toMatch(/Operation type: JobsRead$/);
  });
});
