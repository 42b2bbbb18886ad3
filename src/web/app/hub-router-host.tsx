import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { RouterProvider } from 'react-router';
import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { configureApiClient } from '../lib/api-client';
import { createQueryClient } from '../lib/query-client';
import { visibleHubsQueryOptions } from '../lib/hubs/get-visible-hubs';
import { CurrentHubContext } from '../lib/hubs/current-hub';
import type { ConsoleHub } from '../lib/hubs/console-hub';
import {
  chooseStartHub,
  hubBasePath,
  hubPageUrl,
  pagePathOfUnprefixed,
  pagePathOnOtherHub,
  parseHubUrl,
  readRememberedHub,
  rememberHub,
} from '../lib/hubs/hub-urls';
import { ErrorPanel } from '../components/error-panel';
import { FullPageMessage } from '../components/full-page-message';
import { LoadingBlock } from '../components/loading-block';
import { createAppRouter } from './router';
import { NoHubPage, UnknownHubPage } from './unknown-hub-page';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function hubIdInAddressBar(): string | null {
  return parseHubUrl(window.location.pathname)?.hubId ?? null;
}

/**
 * The one place that knows the hub is in the URL. It reads the hub from `/hubs/{hubId}/...`,
 * sends an unprefixed URL (a bookmark, an old link) to the remembered or first hub keeping its
 * path, search and hash, and gives each hub its own router, query cache and API base, so leaving
 * a hub leaves nothing of it behind: no cached answer, no page state.
 */
interface HubRouterHostProps {
  configuredHubs: readonly ConsoleHub[];
  /** The pages of one hub under its basename; tests pass a smaller router. */
  createRouter?: (basename: string) => DataRouter;
}

type DataRouter = ReturnType<typeof createAppRouter>;

export function HubRouterHost({
  configuredHubs,
  createRouter = createAppRouter,
}: HubRouterHostProps) {
  // A proxy from before several hubs has no /api/hubs: its one hub is the configured one.
  const onePreHubProxy = configuredHubs.length === 1 && configuredHubs[0]?.apiBase === '/api';
  const visible = useQuery({ ...visibleHubsQueryOptions(), enabled: !onePreHubProxy });
  const hubs = onePreHubProxy ? configuredHubs : visible.data;
  const [hubId, setHubId] = useState(hubIdInAddressBar);

  const shownHubId = useRef(hubId);
  shownHubId.current = hubId;
  useEffect(() => {
    // Back and Forward across hubs: the router of the hub shown knows only its own basename (it
    // fails on a path outside it), so the pop is kept from it and the host swaps the router.
    // Capture runs this before the router's own listener.
    const onPopState = (event: PopStateEvent) => {
      const next = hubIdInAddressBar();
      if (next === shownHubId.current) return;
      event.stopImmediatePropagation();
      setHubId(next);
    };
    window.addEventListener('popstate', onPopState, { capture: true });
    return () => window.removeEventListener('popstate', onPopState, { capture: true });
  }, []);

  const startHub = hubs
    ? chooseStartHub(
        hubs.map((hub) => hub.id),
        readRememberedHub(browserStorage()),
      )
    : null;
  useLayoutEffect(() => {
    if (hubId !== null || startHub === null) return;
    const { pathname, search, hash } = window.location;
    // history.state is kept: a hand-off (a file passed to /import) survives the redirect.
    window.history.replaceState(
      window.history.state,
      '',
      hubPageUrl(startHub, pagePathOfUnprefixed(pathname), search, hash),
    );
    setHubId(startHub);
  }, [hubId, startHub]);

  const switchHub = useCallback((nextHubId: string) => {
    const current = parseHubUrl(window.location.pathname);
    const pagePath = current ? pagePathOnOtherHub(current.pagePath) : '/';
    window.history.pushState(null, '', hubPageUrl(nextHubId, pagePath));
    setHubId(nextHubId);
  }, []);

  if (!hubs) {
    return (
      <FullPageMessage title="IoT bulk console">
        {visible.isError ? (
          <ErrorPanel
            error={visible.error}
            context="Loading your hubs"
            onRetry={() => void visible.refetch()}
          />
        ) : (
          <LoadingBlock label="Loading your hubs..." />
        )}
      </FullPageMessage>
    );
  }
  if (hubs.length === 0) return <NoHubPage />;
  if (hubId === null) return null;
  const hub = hubs.find((candidate) => candidate.id === hubId);
  if (!hub) {
    return (
      <UnknownHubPage
        hubId={hubId}
        configured={configuredHubs.find((candidate) => candidate.id === hubId) ?? null}
        hubs={hubs}
        onPick={switchHub}
      />
    );
  }
  return (
    <HubApp key={hub.id} hub={hub} hubs={hubs} switchHub={switchHub} createRouter={createRouter} />
  );
}

interface HubAppProps {
  hub: ConsoleHub;
  hubs: readonly ConsoleHub[];
  switchHub: (hubId: string) => void;
  createRouter: (basename: string) => DataRouter;
}

function HubApp({ hub, hubs, switchHub, createRouter }: HubAppProps) {
  const [scope, setScope] = useState<{
    router: DataRouter;
    client: QueryClient;
  } | null>(null);
  const { id, apiBase } = hub;
  useEffect(() => {
    // Set before the router exists, so the first query of the first page already goes to this hub.
    configureApiClient({ hubApiBase: apiBase });
    rememberHub(browserStorage(), id);
    const client = createQueryClient();
    const router = createRouter(hubBasePath(id));
    setScope({ router, client });
    return () => {
      // An answer still on its way belongs to the hub being left: cancelled, it is never cached.
      void client.cancelQueries();
      client.clear();
      router.dispose();
    };
  }, [id, apiBase, createRouter]);
  const current = useMemo(() => ({ hub, hubs, switchHub }), [hub, hubs, switchHub]);
  if (!scope) return null;
  return (
    <CurrentHubContext value={current}>
      <QueryClientProvider client={scope.client}>
        <RouterProvider router={scope.router} />
      </QueryClientProvider>
    </CurrentHubContext>
  );
}
