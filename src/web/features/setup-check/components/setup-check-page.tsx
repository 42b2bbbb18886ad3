import { Alert, Button, Stack } from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import { ErrorPanel } from '../../../components/error-panel';
import { LoadingBlock } from '../../../components/loading-block';
import { PageHeader } from '../../../components/page-header';
import { formatDateTime } from '../../../lib/format';
import { useSetupCheck } from '../api/get-setup-check';
import { summarizeSetupCheck } from '../model/summarize-setup-check';
import { SetupCheckItem } from './setup-check-item';

/** Admins: every part of this deployment tried for real, each problem with its fix. */
export function SetupCheckPage() {
  const check = useSetupCheck();
  return (
    <>
      <PageHeader
        title="Setup check"
        subtitle="Sign-in settings, the hub and its rights, storage, grants, CORS, the clock and the job slot, each tried now."
        actions={
          <Button
            variant="outlined"
            startIcon={<RefreshIcon />}
            onClick={() => void check.refetch()}
            disabled={check.isFetching}
          >
            Run again
          </Button>
        }
      />
      {check.isFetching && <LoadingBlock label="Checking every part of the deployment…" />}
      {check.error && !check.isFetching && (
        <ErrorPanel error={check.error} onRetry={() => void check.refetch()} />
      )}
      {check.data && !check.isFetching && (
        <Stack spacing={2}>
          <Alert severity={summarizeSetupCheck(check.data).severity} role="status">
            {summarizeSetupCheck(check.data).headline} Checked{' '}
            {formatDateTime(check.data.checkedAt)}.
          </Alert>
          <Stack component="ul" spacing={1.5} sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {check.data.checks.map((result) => (
              <SetupCheckItem key={result.id} result={result} />
            ))}
          </Stack>
        </Stack>
      )}
    </>
  );
}
