import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  apiPath,
  apiRequest,
  configureApiClient,
  scopeApiPath,
  toApiError,
} from '../../../../src/web/lib/api-client';
import { ApiError } from '../../../../src/web/lib/api-error';

describe('api client', () => {
  it('parses the proxy error body into an ApiError with its code and details', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          code: 'JOB_SLOT_BUSY',
          message: 'busy',
          requestId: 'r1',
          details: { activeJobId: 'j1' },
        },
      }),
      { status: 409 },
    );
    const error = await toApiError(response);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'JOB_SLOT_BUSY',
      status: 409,
      requestId: 'r1',
      details: { activeJobId: 'j1' },
    });
  });

  it('keeps a code this build does not know apart from the known codes', async () => {
    const body = { error: { code: 'QUOTA_NEW', message: 'over quota', requestId: 'r2' } };
    const error = await toApiError(new Response(JSON.stringify(body), { status: 409 }));
    expect(error).toMatchObject({
      code: 'UNKNOWN_SERVER_CODE',
      serverCode: 'QUOTA_NEW',
      message: 'over quota',
      status: 409,
      requestId: 'r2',
    });
  });

  it('reports a non-JSON error body as UNEXPECTED_RESPONSE with the status', async () => {
    const error = await toApiError(
      new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    expect(error).toMatchObject({ code: 'UNEXPECTED_RESPONSE', status: 502 });
  });

  it('sends the bearer token and validates the answer against the schema', async () => {
    let seen: Headers | undefined;
    configureApiClient({
      getAccessToken: async () => 'tok-123',
      fetch: async (_input, init) => {
        seen = new Headers(init?.headers);
        return new Response(JSON.stringify({ ok: true }), { status: 200 });
      },
    });
    await expect(apiRequest('/api/x', z.object({ ok: z.boolean() }))).resolves.toEqual({
      ok: true,
    });
    expect(seen?.get('authorization')).toBe('Bearer tok-123');
  });

  it('turns a failed fetch into NETWORK_ERROR', async () => {
    configureApiClient({
      getAccessToken: null,
      fetch: async () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await expect(apiRequest('/api/x', z.object({}))).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
    });
  });

  it('rejects an answer that does not match the contract', async () => {
    configureApiClient({
      getAccessToken: null,
      fetch: async () => new Response(JSON.stringify({ ok: 'yes' })),
    });
    await expect(apiRequest('/api/x', z.object({ ok: z.boolean() }))).rejects.toMatchObject({
      code: 'UNEXPECTED_RESPONSE',
    });
  });

  it('encodes every path segment on its own', () => {
    expect(apiPath('jobs', 'a/b?c', 'files', 'errors')).toBe('/api/jobs/a%2Fb%3Fc/files/errors');
  });

  it.each([
    ['/api/jobs', '/api/hubs/hub-b/jobs'],
    ['/api/jobs?kind=import&limit=5', '/api/hubs/hub-b/jobs?kind=import&limit=5'],
    ['/api/jobs/a%2Fb/files/errors', '/api/hubs/hub-b/jobs/a%2Fb/files/errors'],
    ['/api/hub', '/api/hubs/hub-b/hub'],
    ['/api/setup-check', '/api/hubs/hub-b/setup-check'],
    // The roles /api/me names are the roles on its hub:
    ['/api/me', '/api/hubs/hub-b/me'],
    // The list of hubs is about the console, not one hub:
    ['/api/hubs', '/api/hubs'],
    // Already scoped, or not the API at all:
    ['/api/hubs/hub-a/jobs', '/api/hubs/hub-a/jobs'],
    ['/config.json', '/config.json'],
  ])('scopes %s to the current hub as %s', (path, scoped) => {
    expect(scopeApiPath(path, '/api/hubs/hub-b')).toBe(scoped);
  });

  it('leaves every path as it is for a proxy from before several hubs', () => {
    expect(scopeApiPath('/api/jobs/7', '/api')).toBe('/api/jobs/7');
  });

  it('sends each call to the hub current when it was made', async () => {
    const seen: string[] = [];
    configureApiClient({
      getAccessToken: null,
      fetch: async (input) => {
        seen.push(String(input));
        return new Response(JSON.stringify({}));
      },
      hubApiBase: '/api/hubs/hub-a',
    });
    await apiRequest('/api/jobs/7', z.object({}));
    configureApiClient({ hubApiBase: '/api/hubs/hub-b' });
    await apiRequest('/api/jobs/7', z.object({}));
    await apiRequest('/api/hubs', z.object({}));
    configureApiClient({ hubApiBase: '/api' });
    expect(seen).toEqual(['/api/hubs/hub-a/jobs/7', '/api/hubs/hub-b/jobs/7', '/api/hubs']);
  });
});
