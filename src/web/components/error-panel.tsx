import { Alert, AlertTitle, Button, Typography } from '@mui/material';
import { describeError } from '../lib/describe-error';

interface ErrorPanelProps {
  error: unknown;
  onRetry?: (() => void) | undefined;
  /** A sentence naming what was being done, e.g. "Loading the job". */
  context?: string | undefined;
}

/**
 * Every failure shown the same way: what happened, why, what to do, and the request id to report.
 */
export function ErrorPanel({ error, onRetry, context }: ErrorPanelProps) {
  const words = describeError(error);
  return (
    <Alert
      severity={words.code === 'ABORTED' ? 'info' : 'error'}
      role="alert"
      action={
        onRetry && (
          <Button color="inherit" size="small" onClick={onRetry}>
            Try again
          </Button>
        )
      }
    >
      <AlertTitle>{context ? `${context}: ${words.title.toLowerCase()}` : words.title}</AlertTitle>
      <Typography variant="body2">{words.why}</Typography>
      <Typography variant="body2">
        <strong>What to do:</strong> {words.action}
      </Typography>
      {(words.requestId || words.code !== 'UNKNOWN') && (
        <Typography variant="caption" component="p" sx={{ mt: 0.5, opacity: 0.8 }}>
          Code {words.code}
          {words.requestId ? ` · request id ${words.requestId}` : ''}
        </Typography>
      )}
    </Alert>
  );
}
