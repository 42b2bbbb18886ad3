// @vitest-environment jsdom
import { createElement } from 'react';
import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { configureApiClient } from '../../../../src/web/lib/api-client';
import { useCurrentUser } from '../../../../src/web/lib/current-user';
import { CurrentHubContext } from '../../../../src/web/lib/hubs/current-hub';
import type { ConsoleHub } from '../../../../src/web/lib/hubs/console-hub';

afterEach(() => {
  cleanup();
  configureApiClient({ fetch: (...args) => globalThis.fetch(...args) });
});

const me = { name: 'Ada', username: 'ada', objectId: 'o1', roles: ['admin'] };
const hub = (role: ConsoleHub['role']): ConsoleHub => ({
  id: 'hub-b',
  displayName: 'Local hub B',
  hostName: 'hub-b.local',
  role,
  apiBase: '/api/hubs/hub-b',
});

function wrapperFor(current: ConsoleHub | null) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return ({ children }: { children: ReactNode }) => {
    const withClient = createElement(QueryClientProvider, { client }, children);
    return current
      ? createElement(
          CurrentHubContext,
          { value: { hub: current, hubs: [current], switchHub: () => undefined } },
          withClient,
        )
      : withClient;
  };
}

describe('useCurrentUser', () => {
  it.each([
    ['support on this hub, admin elsewhere', hub('support'), false],
    ['admin on this hub', hub('admin'), true],
    ['on a proxy that names no role per hub, by /api/me', hub(null), true],
    ['outside a hub page, by /api/me', null, true],
  ])('is admin or not by the role %s', async (_, current, isAdmin) => {
    configureApiClient({ getAccessToken: null, fetch: async () => Response.json(me) });
    const { result } = renderHook(() => useCurrentUser(), { wrapper: wrapperFor(current) });
    await waitFor(() => expect(result.current.data).toBeDefined());
    expect(result.current.data?.isAdmin).toBe(isAdmin);
  });
});
