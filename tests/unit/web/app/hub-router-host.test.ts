// @vitest-environment jsdom
import { createElement } from 'react';
import { createBrowserRouter, Link, useParams } from 'react-router';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HubRouterHost } from '../../../../src/web/app/hub-router-host';
import { apiRequest, configureApiClient } from '../../../../src/web/lib/api-client';
import { useCurrentHubContext } from '../../../../src/web/lib/hubs/current-hub';
import type { ConsoleHub } from '../../../../src/web/lib/hubs/console-hub';
import { REMEMBERED_HUB_KEY } from '../../../../src/web/lib/hubs/hub-urls';

const hubA: ConsoleHub = {
  id: 'hub-a',
  displayName: 'Local hub A',
  hostName: 'hub-a.local',
  role: null,
  apiBase: '/api/hubs/hub-a',
};
const hubB: ConsoleHub = {
  ...hubA,
  id: 'hub-b',
  displayName: 'Local hub B',
  hostName: 'hub-b.local',
  apiBase: '/api/hubs/hub-b',
};

const JobsAnswer = z.object({ from: z.string() });

// A jobs page that reads its list through the real API client, as the features do, and names
// the current hub; the job page offers a link that stays inside the hub.
function JobsPage() {
  const { hub, switchHub } = useCurrentHubContext();
  const jobs = useQuery({
    queryKey: ['jobs'],
    queryFn: ({ signal }) => apiRequest('/api/jobs', JobsAnswer, { signal }),
  });
  return createElement(
    'div',
    null,
    createElement('h1', null, `Jobs of ${hub.displayName}`),
    createElement('p', null, jobs.data ? `list from ${jobs.data.from}` : 'loading list'),
    createElement('button', { onClick: () => switchHub('hub-b') }, 'to hub B'),
  );
}

function JobPage() {
  const { jobId = '' } = useParams();
  const { switchHub } = useCurrentHubContext();
  return createElement(
    'div',
    null,
    createElement('h1', null, `Job ${jobId}`),
    createElement(Link, { to: '/jobs' }, 'All jobs'),
    createElement('button', { onClick: () => switchHub('hub-b') }, 'to hub B'),
  );
}

const createRouter = (basename: string) =>
  createBrowserRouter(
    [
      { path: '/jobs', element: createElement(JobsPage) },
      { path: '/jobs/:jobId', element: createElement(JobPage) },
    ],
    { basename },
  );

interface FakeProxy {
  calls: string[];
  /** Answers of the jobs list held back until released, per hub. */
  hold: Set<string>;
  release: Map<string, () => void>;
}

// The proxy's answers, by path: who may see which hub, and each hub's jobs list naming its hub.
function installProxy(visible: readonly (ConsoleHub & { role: 'admin' | 'support' })[]): FakeProxy {
  const proxy: FakeProxy = { calls: [], hold: new Set(), release: new Map() };
  configureApiClient({
    getAccessToken: null,
    fetch: async (input) => {
      const path = String(input);
      proxy.calls.push(path);
      if (path === '/api/hubs')
        return Response.json({ hubs: visible.map(({ apiBase: _, ...hub }) => hub) });
      const jobs = /^\/api\/hubs\/([^/]+)\/jobs$/.exec(path);
      if (jobs?.[1]) {
        const hubId = jobs[1];
        if (proxy.hold.has(hubId))
          await new Promise<void>((resolve) => proxy.release.set(hubId, resolve));
        return Response.json({ from: hubId });
      }
      if (path === '/api/jobs') return Response.json({ from: 'unprefixed' });
      return Response.json({ error: { code: 'NOT_FOUND', message: path } }, { status: 404 });
    },
  });
  return proxy;
}

function renderHost(configuredHubs: readonly ConsoleHub[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    createElement(
      QueryClientProvider,
      { client },
      createElement(HubRouterHost, { configuredHubs, createRouter }),
    ),
  );
}

const bothVisible = [
  { ...hubA, role: 'admin' as const },
  { ...hubB, role: 'support' as const },
];

beforeEach(() => {
  window.localStorage.clear();
});
afterEach(() => {
  cleanup();
  configureApiClient({ hubApiBase: '/api' });
  window.history.replaceState(null, '', '/');
});

describe('HubRouterHost', () => {
  it('sends an unprefixed URL to the remembered hub, keeping its search, hash and state', async () => {
    installProxy(bothVisible);
    window.localStorage.setItem(REMEMBERED_HUB_KEY, 'hub-b');
    window.history.replaceState(
      { usr: { handedOff: true }, key: 'k1', idx: 0 },
      '',
      '/jobs?tab=2#top',
    );
    renderHost([hubA, hubB]);
    expect(await screen.findByRole('heading', { name: 'Jobs of Local hub B' })).toBeTruthy();
    expect(window.location.pathname + window.location.search + window.location.hash).toBe(
      '/hubs/hub-b/jobs?tab=2#top',
    );
    expect(window.history.state).toMatchObject({ usr: { handedOff: true } });
    expect(await screen.findByText('list from hub-b')).toBeTruthy();
  });

  it('sends an unprefixed URL to the first hub the user may see when none is remembered', async () => {
    installProxy([{ ...hubB, role: 'admin' }]);
    window.localStorage.setItem(REMEMBERED_HUB_KEY, 'hub-a');
    window.history.replaceState(null, '', '/jobs');
    renderHost([hubA, hubB]);
    expect(await screen.findByRole('heading', { name: 'Jobs of Local hub B' })).toBeTruthy();
    expect(window.location.pathname).toBe('/hubs/hub-b/jobs');
  });

  it('switches hub on the same kind of page, without the job of the hub left', async () => {
    const proxy = installProxy(bothVisible);
    window.history.replaceState(null, '', '/hubs/hub-a/jobs/7');
    renderHost([hubA, hubB]);
    fireEvent.click(await screen.findByRole('button', { name: 'to hub B' }));
    expect(await screen.findByRole('heading', { name: 'Jobs of Local hub B' })).toBeTruthy();
    expect(window.location.pathname).toBe('/hubs/hub-b/jobs');
    expect(window.localStorage.getItem(REMEMBERED_HUB_KEY)).toBe('hub-b');
    await screen.findByText('list from hub-b');
    expect(proxy.calls.filter((path) => path.includes('/jobs'))).toEqual(['/api/hubs/hub-b/jobs']);
  });

  it('never shows the list of the hub left while the other hub’s list is on its way', async () => {
    const proxy = installProxy(bothVisible);
    window.history.replaceState(null, '', '/hubs/hub-a/jobs');
    renderHost([hubA, hubB]);
    await screen.findByText('list from hub-a');
    proxy.hold.add('hub-b');
    fireEvent.click(screen.getByRole('button', { name: 'to hub B' }));
    expect(await screen.findByRole('heading', { name: 'Jobs of Local hub B' })).toBeTruthy();
    expect(screen.getByText('loading list')).toBeTruthy();
    expect(screen.queryByText('list from hub-a')).toBeNull();
    await waitFor(() => expect(proxy.release.has('hub-b')).toBe(true));
    proxy.release.get('hub-b')?.();
    expect(await screen.findByText('list from hub-b')).toBeTruthy();
  });

  it('goes back to the hub left with Back', async () => {
    installProxy(bothVisible);
    window.history.replaceState(null, '', '/hubs/hub-a/jobs');
    renderHost([hubA, hubB]);
    fireEvent.click(await screen.findByRole('button', { name: 'to hub B' }));
    await screen.findByRole('heading', { name: 'Jobs of Local hub B' });
    window.history.back();
    expect(await screen.findByRole('heading', { name: 'Jobs of Local hub A' })).toBeTruthy();
    expect(await screen.findByText('list from hub-a')).toBeTruthy();
  });

  it('keeps links of a page inside its hub', async () => {
    installProxy(bothVisible);
    window.history.replaceState(null, '', '/hubs/hub-b/jobs/7');
    renderHost([hubA, hubB]);
    const link = await screen.findByRole('link', { name: 'All jobs' });
    expect(link.getAttribute('href')).toBe('/hubs/hub-b/jobs');
  });

  it('says so when the URL names a hub the console does not have, and offers the others', async () => {
    installProxy(bothVisible);
    window.history.replaceState(null, '', '/hubs/nope/jobs/7');
    renderHost([hubA, hubB]);
    expect(
      await screen.findByRole('heading', { name: 'No hub named “nope” in this console' }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Local hub A/ }));
    expect(await screen.findByRole('heading', { name: 'Jobs of Local hub A' })).toBeTruthy();
    expect(window.location.pathname).toBe('/hubs/hub-a/jobs');
  });

  it('names the hub the user has no role on, without opening it', async () => {
    const proxy = installProxy([{ ...hubA, role: 'admin' }]);
    window.history.replaceState(null, '', '/hubs/hub-b/jobs');
    renderHost([hubA, hubB]);
    expect(
      await screen.findByRole('heading', { name: 'You have no role on Local hub B (hub-b.local)' }),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Local hub B/ })).toBeNull();
    expect(proxy.calls).toEqual(['/api/hubs']);
  });

  it('serves the one hub of a proxy from before several hubs by its unprefixed routes', async () => {
    const proxy = installProxy([]);
    window.history.replaceState(null, '', '/jobs');
    renderHost([{ ...hubA, id: 'main', displayName: 'hub', apiBase: '/api' }]);
    expect(await screen.findByText('list from unprefixed')).toBeTruthy();
    expect(window.location.pathname).toBe('/hubs/main/jobs');
    expect(proxy.calls).toEqual(['/api/jobs']);
  });
});
