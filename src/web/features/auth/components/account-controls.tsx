import { useMsal } from '@azure/msal-react';
import { Box, Button, Chip, Stack, Typography } from '@mui/material';
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
    <Stack
      direction="row"
      spacing={{ xs: 0.5, lg: 1.5 }}
      sx={{ alignItems: 'center', minWidth: 0 }}
    >
      {/* Below 1200 px the name and the words of Sign out give way so the app bar stays on one
          line; the role stays, and the name is the tooltip of the role. */}
      <Typography noWrap sx={{ maxWidth: 220, display: { xs: 'none', lg: 'block' } }} title={name}>
        {name}
      </Typography>
      {user && (
        <Chip
          size="small"
          label={user.isAdmin ? 'Admin' : 'Support'}
          color={user.isAdmin ? 'secondary' : 'default'}
          sx={{ color: 'inherit', borderColor: 'currentColor' }}
          variant="outlined"
          title={name}
        />
      )}
      <Button
        color="inherit"
        aria-label="Sign out"
        title="Sign out"
        startIcon={<LogoutIcon />}
        onClick={signOut}
        sx={{
          whiteSpace: 'nowrap',
          flexShrink: 0,
          minWidth: 0,
          '& .MuiButton-startIcon': { mr: { xs: 0, lg: 1 } },
        }}
      >
        <Box component="span" sx={{ display: { xs: 'none', lg: 'inline' } }}>
          Sign out
        </Box>
      </Button>
    </Stack>
  );
}
