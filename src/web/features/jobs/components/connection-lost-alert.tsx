import { Alert, AlertTitle, Button, Typography } from '@mui/material';
import { describeError } from '../../../lib/describe-error';

interface ConnectionLostAlertProps {
  error: unknown;
  retryInSeconds: number | null;
  onRetryNow: () => void;
}

/** The page keeps following the job; this says so, and when, and lets the user not wait. */
export function ConnectionLostAlert({
  error,
  retryInSeconds,
  onRetryNow,
}: ConnectionLostAlertProps) {
  const words = describeError(error);
  const when =
    retryInSeconds === null || retryInSeconds <= 0
      ? 'retrying now'
      : `retrying in ${retryInSeconds} s`;
  return (
    <Alert
      severity="warning"
      role="status"
      action={
        <Button color="inherit" size="small" onClick={onRetryNow}>
          Retry now
        </Button>
      }
    >
      <AlertTitle>Connection lost, {when}</AlertTitle>
      <Typography variant="body2">
        The console could not reach the proxy to check on this job ({words.title.toLowerCase()}).
        The job itself keeps running on the hub; this page picks it up again as soon as the proxy
        answers.
      </Typography>
      {words.code !== 'UNKNOWN' && (
        <Typography variant="caption" component="p" sx={{ mt: 0.5, opacity: 0.8 }}>
          Code {words.code}
          {words.requestId ? ` · request id ${words.requestId}` : ''}
        </Typography>
      )}
    </Alert>
  );
}
