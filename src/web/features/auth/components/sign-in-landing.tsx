import { useState } from 'react';
import { useMsal } from '@azure/msal-react';
import { Alert, Box, Button, Typography } from '@mui/material';
import LoginIcon from '@mui/icons-material/Login';
import { FullPageMessage } from '../../../components/full-page-message';
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
    <FullPageMessage title="IoT Hub bulk device console" maxWidth={520} titleSize="1.75rem">
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
    </FullPageMessage>
  );
}
