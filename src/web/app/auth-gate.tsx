import { InteractionStatus } from '@azure/msal-browser';
import { useIsAuthenticated, useMsal } from '@azure/msal-react';
import { SignInLanding } from '../features/auth/components/sign-in-landing';
import { FullPageMessage } from '../components/full-page-message';
import { LoadingBlock } from '../components/loading-block';
import type { ConsoleHub } from '../lib/hubs/console-hub';
import { HubRouterHost } from './hub-router-host';

/** Signed out: the landing page. Returning from the authority: a short wait. Signed in: the app. */
export function AuthGate({ apiScope, hubs }: { apiScope: string; hubs: readonly ConsoleHub[] }) {
  const { inProgress } = useMsal();
  const isAuthenticated = useIsAuthenticated();

  if (isAuthenticated) return <HubRouterHost configuredHubs={hubs} />;
  if (inProgress !== InteractionStatus.None) {
    return (
      <FullPageMessage title="Signing in">
        <LoadingBlock label="Completing sign-in..." />
      </FullPageMessage>
    );
  }
  return <SignInLanding apiScope={apiScope} />;
}
