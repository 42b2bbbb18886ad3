import { useMsal } from '@azure/msal-react';
import { Button, Chip, Stack, Typography } from '@mui/material';
import LogoutIcon from '@mui/icons-material/Logout';
import type { CurrentUser } from '../../../lib/current-user';

interface AccountControlsProps {
  user: CurrentUser | undefined;
}

/**
 * The user's name and role, and sign-out (with the ID token as hint so the authority ends the
 * session without asking).
 */
export function AccountControls({ user }: AccountControlsProps) {
  const { instance } = useMsal();
  const account = instance.getActiveAccount() ?? instance.getAllAccounts()[0] ?? null;
  const name = user?.name ?? account?.name ?? account?.username ?? '';

  const signOut = () => {
    void instance.logoutRedirect(account ? { account, idTokenHint: account.idToken } : undefined);
  };

  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', minWidth: 0 }}>
      {/* Below 900 px the name gives way so the app bar stays on one line; the role stays. */}
      <Typography noWrap sx={{ maxWidth: 220, display: { xs: 'none', md: 'block' } }} title={name}>
        {name}
      </Typography>
      {user && (
        <Chip
          size="small"
          label={user.isAdmin ? 'Admin' : 'Support'}
          color={user.isAdmin ? 'secondary' : 'default'}
          sx={{ color: 'inherit', borderColor: 'currentColor' }}
          variant="outlined"
        />
      )}
      <Button
        color="inherit"
        startIcon={<LogoutIcon />}
        onClick={signOut}
        sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
      >
        Sign out
      </Button>
    </Stack>
  );
}
