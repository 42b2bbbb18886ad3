import { useState } from 'react';
import { useMsal } from '@azure/msal-react';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import LoginIcon from '@mui/icons-material/Login';
import { describeError } from '../../../lib/describe-error';

interface SignInLandingProps {
  apiScope: string;
}

export function SignInLanding({ apiScope }: SignInLandingProps) {
  const { instance } = useMsal();
  const [error, setError] = useState<unknown>(null);

  const signIn = () => {
    setError(null);
    instance
      .loginRedirect({ scopes: [apiScope], redirectStartPage: window.location.href })
      .catch(setError);
  };

  const words = error ? describeError(error) : null;
  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        p: 2,
        bgcolor: 'background.default',
      }}
    >
      <Paper variant="outlined" sx={{ p: 4, maxWidth: 520, width: '100%' }}>
        <Stack spacing={2}>
          <Typography variant="h1" sx={{ fontSize: '1.75rem', fontWeight: 600 }}>
            IoT Hub bulk device console
          </Typography>
          <Typography color="text.secondary">
            Import, export and compare device identities in bulk. Admins run imports and exports;
            support staff read jobs, errors and exports.
          </Typography>
          {words && (
            <Alert severity="error" role="alert">
              <strong>Sign-in failed.</strong> {words.why} {words.action}
            </Alert>
          )}
          <Box>
            <Button variant="contained" size="large" startIcon={<LoginIcon />} onClick={signIn}>
              Sign in
            </Button>
          </Box>
        </Stack>
      </Paper>
    </Box>
  );
}
