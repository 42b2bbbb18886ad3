import { useMsal } from '@azure/msal-react';
import { Button } from '@mui/material';

/**
 * For a session the proxy no longer accepts: a fresh redirect sign-in that returns to this page.
 */
export function SignInAgainButton({ apiScope }: { apiScope: string }) {
  const { instance } = useMsal();
  return (
    <Button
      color="inherit"
      size="small"
      onClick={() =>
        void instance.loginRedirect({
          scopes: [apiScope],
          redirectStartPage: window.location.href,
          prompt: 'login',
        })
      }
    >
      Sign in again
    </Button>
  );
}
