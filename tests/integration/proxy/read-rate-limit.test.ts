import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../src/contracts/api/errors';
import { importRequestFor } from './support/import-fixture';
import { startProxyStack, type ProxyStack } from './support/proxy-stack';
import { ROLE_NAMES } from './support/test-authority';

// Reads have a per-user budget of their own, shared by every read route: a runaway poller or a
// scripted crawl of the list cannot make the proxy call storage and the hub without end.

let stack: ProxyStack;

beforeAll(async () => {
  stack = await startProxyStack({ readRateLimit: { max: 5, timeWindowMs: 60_000 } });
});

afterAll(async () => {
  await stack?.close();
});

const bearer = async (oid: string, role: string = ROLE_NAMES.support): Promise<string> =>
  `Bearer ${await stack.authority.token({ roles: [role], oid })}`;

const get = (pathName: string, authorization: string): Promise<Response> =>
  fetch(`${stack.url}${pathName}`, { headers: { authorization } });

describe('the read limit', () => {
  it('answers 429 RATE_LIMITED with Retry-After once a user spent the budget across read routes', async () => {
    const reader = await bearer('oid-reader-1');
    const statuses: number[] = [];
    for (const pathName of ['/api/me', '/api/jobs', '/api/me', '/api/jobs/no-such-job', '/api/me'])
      statuses.push((await get(pathName, reader)).status);
    expect(statuses).toEqual([200, 200, 200, 404, 200]);

    const limited = await get('/api/jobs', reader);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('x-content-type-options')).toBe('nosniff');
    const body = (await limited.json()) as ApiErrorBody;
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.requestId).toBe(limited.headers.get('x-request-id'));
  });

  it('is counted per user, and reads do not spend the budget of changes', async () => {
    const admin = await bearer('oid-reader-2', ROLE_NAMES.admin);
    for (let i = 0; i < 5; i++) expect((await get('/api/me', admin)).status).toBe(200);
    expect((await get('/api/me', admin)).status).toBe(429);
    expect((await get('/api/me', await bearer('oid-reader-3'))).status).toBe(200);
    const created = await fetch(`${stack.url}/api/imports`, {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: JSON.stringify(importRequestFor('{"id":"x"}', 'id\nx')),
    });
    expect(created.status).toBe(200);
  });

  it('counts a registry lookup as a read, under a hub prefix too: it spends the read budget, never the write limit', async () => {
    const admin = await bearer('oid-reader-4', ROLE_NAMES.admin);
    // Alternating the unprefixed route and the hub's own (`main`, the one hub of this stack).
    let calls = 0;
    const lookup = () =>
      fetch(`${stack.url}/api${calls++ % 2 === 0 ? '/hubs/main' : ''}/registry/lookup`, {
        method: 'POST',
        headers: { authorization: admin, 'content-type': 'application/json' },
        body: JSON.stringify({ ids: [{ id: 'no-such-device' }] }),
      });
    for (let i = 0; i < 5; i++) expect((await lookup()).status).toBe(200);
    const limited = await lookup();
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as ApiErrorBody).error.code).toBe('RATE_LIMITED');
    // The write limit is untouched: the same admin still creates an import.
    const created = await fetch(`${stack.url}/api/imports`, {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: JSON.stringify(importRequestFor('{"id":"y"}', 'id\ny')),
    });
    expect(created.status).toBe(200);
  });

  it('leaves the open routes alone', async () => {
    for (let i = 0; i < 8; i++) {
      expect((await fetch(`${stack.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${stack.url}/config.json`)).status).toBe(200);
    }
  });
});
