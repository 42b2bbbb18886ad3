import { Link as RouterLink, NavLink, Outlet } from 'react-router';
import { AppBar, Box, Button, Container, Stack, Toolbar, Typography } from '@mui/material';
import HubIcon from '@mui/icons-material/Hub';
import { AccountControls } from '../features/auth/components/account-controls';
import { ErrorPanel } from '../components/error-panel';
import { useCurrentUser } from '../lib/current-user';
import { ColorModeToggle } from './color-mode-toggle';
import { HubPicker } from './hub-picker';
import { useApiScope } from './api-scope-context';
import { SignInAgainButton } from '../features/auth/components/sign-in-again-button';
import { isApiError } from '../lib/api-error';

function NavButton({ to, label, end = false }: { to: string; label: string; end?: boolean }) {
  return (
    <Button
      component={NavLink}
      to={to}
      end={end}
      color="inherit"
      sx={{
        minWidth: 0,
        px: { xs: 0.75, lg: 1.25 },
        fontSize: { xs: '0.8125rem', lg: '0.875rem' },
        whiteSpace: 'nowrap',
        flexShrink: 0,
        '&.active': { bgcolor: 'rgba(0,0,0,0.28)' },
        '&.active, &:hover': { textDecoration: 'none' },
      }}
    >
      {label}
    </Button>
  );
}

export function AppShell() {
  const me = useCurrentUser();
  const apiScope = useApiScope();
  const sessionEnded =
    isApiError(me.error) &&
    (me.error.code === 'UNAUTHENTICATED' || me.error.code === 'SIGN_IN_REQUIRED');
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppBar position="sticky">
        {/* One line from 800 px up: below 1200 px the title, the user's name and the words of
            Sign out give way to the icon, the role and Sign out's icon, and the nav buttons
            narrow; the hub picker shrinks last. Nothing wraps under the bar. */}
        <Toolbar sx={{ gap: { xs: 1, lg: 2 }, px: { xs: 2, lg: 3 }, flexWrap: 'nowrap' }}>
          <Stack
            component={RouterLink}
            to="/"
            aria-label="IoT bulk console: hub overview"
            direction="row"
            spacing={1}
            sx={{ alignItems: 'center', color: 'inherit', textDecoration: 'none', flexShrink: 0 }}
          >
            <HubIcon aria-hidden />
            <Typography
              component="span"
              sx={{ fontWeight: 600, whiteSpace: 'nowrap', display: { xs: 'none', lg: 'inline' } }}
            >
              IoT bulk console
            </Typography>
          </Stack>
          <HubPicker />
          <Stack
            component="nav"
            aria-label="Main"
            direction="row"
            spacing={{ xs: 0.25, lg: 0.5 }}
            sx={{ flexGrow: 1, flexShrink: 0 }}
          >
            <NavButton to="/" label="Overview" end />
            {me.data?.isAdmin && <NavButton to="/import" label="Import" />}
            {me.data?.isAdmin && <NavButton to="/generate" label="Generate" />}
            <NavButton to="/jobs" label="Jobs" />
            <NavButton to="/exports" label="Exports" />
            {me.data?.isAdmin && <NavButton to="/setup-check" label="Setup check" />}
          </Stack>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexShrink: 0 }}>
            <ColorModeToggle />
            <AccountControls user={me.data} />
          </Stack>
        </Toolbar>
      </AppBar>
      <Container component="main" id="main" maxWidth="xl" sx={{ py: 3 }} tabIndex={-1}>
        {me.isError && (
          <Box sx={{ mb: 3 }}>
            <ErrorPanel
              error={me.error}
              context="Loading your account"
              onRetry={() => void me.refetch()}
            />
            {sessionEnded && (
              <Box sx={{ mt: 1 }}>
                <SignInAgainButton apiScope={apiScope} />
              </Box>
            )}
          </Box>
        )}
        <Outlet />
      </Container>
    </Box>
  );
}
