import { Alert, CircularProgress } from '@mui/material';

/**
 * Says that what is on screen is the result from before the admin's last change: the wizard keeps
 * it while the file is read again (no page that empties and refills on every option), and Upload
 * waits for the new one.
 */
export function UpdatingNotice() {
  return (
    <Alert
      severity="info"
      role="status"
      icon={<CircularProgress size={20} aria-hidden />}
      sx={{ alignItems: 'center' }}
    >
      Updating… The mapping, preview, review and plan shown are from before your last change until
      the file has been read again.
    </Alert>
  );
}
