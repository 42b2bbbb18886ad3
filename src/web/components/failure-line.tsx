import { Typography } from '@mui/material';
import { describeError } from '../lib/describe-error';

/**
 * A failure in one line beside the control that caused it (a download button): the same words as
 * the error panel, by code, without the panel's weight.
 */
export function FailureLine({ lead, error }: { lead: string; error: unknown }) {
  const words = describeError(error);
  return (
    <Typography role="alert" color="error" variant="body2">
      {lead}: {words.why} {words.action}
      {words.code !== 'UNKNOWN' && ` (code ${words.code})`}
    </Typography>
  );
}
