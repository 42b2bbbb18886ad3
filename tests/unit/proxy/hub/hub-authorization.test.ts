import type { AccessToken, TokenCredential } from '@azure/identity';
import { describe, expect, it } from 'vitest';
import {
  IOT_HUB_TOKEN_SCOPE,
  entraAuthorization,
} from '../../../../src/proxy/hub/hub-authorization';
import { HubRequestError } from '../../../../src/proxy/hub/hub-errors';

function countingCredential(lifetimeMs: number, clock: { ms: number }) {
  const scopes: (string | string[])[] = [];
  let issued = 0;
  const credential: TokenCredential = {
    getToken: async (scope): Promise<AccessToken> => {
      scopes.push(scope);
      issued++;
      return { token: `token-${issued}`, expiresOnTimestamp: clock.ms + lifetimeMs };
    },
  };
  return { credential, scopes, issued: () => issued };
}

describe('entraAuthorization', () => {
  it('asks for the hub scope and sends the token as a bearer', async () => {
    const clock = { ms: 1_000_000 };
    const source = countingCredential(3600_000, clock);
    const header = entraAuthorization(source.credential, { now: () => new Date(clock.ms) });
    expect(await header()).toBe('Bearer token-1');
    expect(source.scopes).toEqual([IOT_HUB_TOKEN_SCOPE]);
  });

  it('reuses the token until five minutes before it expires, then gets a new one', async () => {
    const clock = { ms: 1_000_000 };
    const source = countingCredential(3600_000, clock);
    const header = entraAuthorization(source.credential, { now: () => new Date(clock.ms) });
    await header();
    clock.ms += 3600_000 - 5 * 60_000 - 1;
    expect(await header()).toBe('Bearer token-1');
    clock.ms += 1;
    expect(await header()).toBe('Bearer token-2');
    expect(source.issued()).toBe(2);
  });

  it('shares one token request among concurrent calls', async () => {
    const clock = { ms: 0 };
    const source = countingCredential(3600_000, clock);
    const header = entraAuthorization(source.credential, { now: () => new Date(clock.ms) });
    const headers = await Promise.all([header(), header(), header()]);
    expect(new Set(headers)).toEqual(new Set(['Bearer token-1']));
    expect(source.issued()).toBe(1);
  });

  it('turns a credential failure into a 401 the proxy reports as HUB_UNAUTHORIZED', async () => {
    const failing: TokenCredential = {
      getToken: () => Promise.reject(new Error('ManagedIdentityCredential: no endpoint')),
    };
    const header = entraAuthorization(failing, { now: () => new Date(0) });
    const error = await header().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubRequestError);
    expect(error).toMatchObject({ status: 401, hubCode: 'CredentialUnavailable' });
    expect((error as Error).message).toContain('no endpoint');
  });
});
