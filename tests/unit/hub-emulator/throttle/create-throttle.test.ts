import { describe, expect, it } from 'vitest';
import { createThrottle } from '../../../../src/hub-emulator/throttle/create-throttle';

const at = (seconds: number): Date => new Date(Date.UTC(2030, 0, 1) + seconds * 1000);

describe('createThrottle', () => {
  it('lets a full window through at once, then refuses with the wait until the next token', () => {
    const take = createThrottle({ tier: 'S1' });
    for (let i = 0; i < 20; i++) expect(take('query', 1, at(0))).toBeUndefined();
    // 20 queries a minute: one token every 3 seconds.
    expect(take('query', 1, at(0))).toEqual({ waitSeconds: 3 });
    expect(take('query', 1, at(2))).toEqual({ waitSeconds: 1 });
    expect(take('query', 1, at(3))).toBeUndefined();
  });

  it('counts each class on its own', () => {
    const take = createThrottle({ tier: 'S1' });
    for (let i = 0; i < 20; i++) take('query', 1, at(0));
    expect(take('query', 1, at(0))).toBeDefined();
    expect(take('registry', 1, at(0))).toBeUndefined();
  });

  it('charges a bulk call by its items, at most one window', () => {
    const take = createThrottle({ tier: 'S1' });
    expect(take('registry', 50, at(0))).toBeUndefined();
    expect(take('registry', 50, at(0))).toBeUndefined();
    expect(take('registry', 50, at(0))).toEqual({ waitSeconds: 30 });
    const fresh = createThrottle({ tier: 'S1' });
    expect(fresh('registry', 500, at(0))).toBeUndefined();
  });

  it('scales with units and refills no more than one window', () => {
    const take = createThrottle({ tier: 'S1', units: 2 });
    for (let i = 0; i < 40; i++) expect(take('query', 1, at(0))).toBeUndefined();
    expect(take('query', 1, at(0))).toBeDefined();
    const idle = createThrottle({ tier: 'S1' });
    for (let i = 0; i < 20; i++) idle('query', 1, at(0));
    for (let i = 0; i < 20; i++) expect(idle('query', 1, at(3600))).toBeUndefined();
    expect(idle('query', 1, at(3600))).toBeDefined();
  });
});
