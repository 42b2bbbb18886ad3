import { Button, List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { FullPageMessage } from '../components/full-page-message';
import { hubLabel } from '../lib/hubs/console-hub';
import type { ConsoleHub } from '../lib/hubs/console-hub';

interface UnknownHubPageProps {
  hubId: string;
  /** The hub of that id in /config.json, when it exists but the user has no role on it. */
  configured: ConsoleHub | null;
  hubs: readonly ConsoleHub[];
  onPick: (hubId: string) => void;
}

/** A URL naming a hub this user cannot open: say which, and offer the hubs they can. */
export function UnknownHubPage({ hubId, configured, hubs, onPick }: UnknownHubPageProps) {
  return (
    <FullPageMessage
      title={
        configured
          ? `You have no role on ${hubLabel(configured)}`
          : `No hub named “${hubId}” in this console`
      }
    >
      <Typography role="alert">
        {configured
          ? 'Your account may not open this hub. Ask an administrator for a role on it, or pick one of your hubs.'
          : 'The address names a hub this console does not know. It may have been renamed or removed. Pick one of your hubs:'}
      </Typography>
      <List aria-label="Your hubs" disablePadding>
        {hubs.map((hub) => (
          <ListItem key={hub.id} disablePadding>
            <ListItemButton onClick={() => onPick(hub.id)}>
              <ListItemText
                primary={hub.displayName}
                secondary={hub.hostName}
                slotProps={{ secondary: { sx: { fontFamily: 'monospace' } } }}
              />
            </ListItemButton>
          </ListItem>
        ))}
      </List>
    </FullPageMessage>
  );
}

/** Signed in, but no hub of this console gives the account a role. */
export function NoHubPage() {
  return (
    <FullPageMessage title="No hub for your account">
      <Typography role="alert">
        You are signed in, but no hub of this console gives your account a role. Ask an
        administrator to assign you the Admin or Support role on a hub, then reload.
      </Typography>
      <div>
        <Button variant="contained" onClick={() => window.location.reload()}>
          Reload
        </Button>
      </div>
    </FullPageMessage>
  );
}
