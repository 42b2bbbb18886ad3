import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { InteractionStatus } from '@azure/msal-browser';
import { useIsAuthenticated, useMsal } from '@azure/msal-react';
import { SignInLanding } from '../features/auth/components/sign-in-landing';
import { FullPageMessage } from '../components/full-page-message';
import { LoadingBlock } from '../components/loading-block';
import { createAppRouter } from './router';

/** Signed out: the landing page. Returning from the authority: a short wait. Signed in: the app. */
export function AuthGate({ apiScope }: { apiScope: string }) {
  const { inProgress } = useMsal();
  const isAuthenticated = useIsAuthenticated();
  const [router] = useState(createAppRouter);

  if (isAuthenticated) return <RouterProvider router={router} />;
  if (inProgress !== InteractionStatus.None) {
    return (
      <FullPageMessage title="Signing in">
        <LoadingBlock label="Completing sign-in..." />
      </FullPageMessage>
    );
  }
  return <SignInLanding apiScope={apiScope} />;
}
