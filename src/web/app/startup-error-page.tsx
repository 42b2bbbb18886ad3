import { Button, Typography } from '@mui/material';
import { FullPageMessage } from '../components/full-page-message';

/** Shown when /config.json or MSAL cannot be set up: the console cannot sign anyone in. */
export function StartupErrorPage({ reason }: { reason: string }) {
  return (
    <FullPageMessage title="The console cannot start">
      <Typography role="alert">{reason}</Typography>
      <Typography color="text.secondary">
        The console needs its server (the proxy) to tell it where to sign in. Check that the server
        is running and reachable from this browser, then reload. If you run it locally, start it
        with <code>npm start</code> and open the printed App URL.
      </Typography>
      <div>
        <Button variant="contained" onClick={() => window.location.reload()}>
          Reload
        </Button>
      </div>
    </FullPageMessage>
  );
}
