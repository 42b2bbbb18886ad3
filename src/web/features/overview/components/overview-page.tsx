import { Link as RouterLink } from 'react-router';
import { Box, Button, Link, Stack, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import CloudDownloadIcon from '@mui/icons-material/CloudDownload';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import { ErrorPanel } from '../../../components/error-panel';
import { LoadingBlock } from '../../../components/loading-block';
import { PageHeader } from '../../../components/page-header';
import { useIsAdmin } from '../../../lib/current-user';
import { formatDateTime } from '../../../lib/format';
import { hubNameOf, useHubInfo } from '../../../lib/use-hub-info';
import { useHubCounts } from '../api/get-hub-counts';
import { useRecentOperations } from '../api/get-recent-operations';
import { describeJobSlot } from '../model/describe-job-slot';
import { HubCounts } from './hub-counts';
import { JobSlotCard } from './job-slot-card';
import { RecentOperations } from './recent-operations';

/**
 * Home: which hub this is, how big, who holds its job slot, what happened last, and the actions.
 * Context before any form, for admins and support alike.
 */
export function OverviewPage() {
  const hub = useHubInfo();
  const counts = useHubCounts();
  const operations = useRecentOperations();
  const isAdmin = useIsAdmin();
  const actions = (
    <>
      {isAdmin && (
        <Button
          component={RouterLink}
          to="/import"
          variant="contained"
          startIcon={<UploadFileIcon />}
        >
          New device import
        </Button>
      )}
      {isAdmin && (
        <Button
          component={RouterLink}
          to="/generate"
          variant="outlined"
          startIcon={<PlaylistAddIcon />}
        >
          Generate test devices
        </Button>
      )}
      {isAdmin && (
        <Button component={RouterLink} to="/copy" variant="outlined">
          Copy a hub into another
        </Button>
      )}
      {isAdmin && (
        <Button component={RouterLink} to="/delete-all" variant="outlined" color="error">
          Delete all devices and configurations
        </Button>
      )}
      <Button
        component={RouterLink}
        to="/exports"
        variant="outlined"
        startIcon={<CloudDownloadIcon />}
      >
        Exports
      </Button>
      <Button
        component={RouterLink}
        to="/diff"
        variant="outlined"
        startIcon={<CompareArrowsIcon />}
      >
        Compare two exports
      </Button>
    </>
  );
  return (
    <>
      <PageHeader
        title={hub.data ? hubNameOf(hub.data.hostName) : 'Hub overview'}
        subtitle={
          hub.data ? (
            <>
              {hub.data.hostName}
              {' · '}counts as of {formatDateTime(new Date(hub.dataUpdatedAt).toISOString())}
            </>
          ) : undefined
        }
        actions={actions}
      />
      {hub.isPending && <LoadingBlock label="Loading the hub's counts..." />}
      {hub.isError && (
        <ErrorPanel
          error={hub.error}
          context="Loading the hub"
          onRetry={() => void hub.refetch()}
        />
      )}
      <Stack spacing={3}>
        {hub.data && (
          <HubCounts
            statistics={hub.data.statistics}
            counts={counts.data ?? (counts.isError ? null : undefined)}
          />
        )}
        {hub.data && operations.data && (
          <JobSlotCard slot={describeJobSlot(hub.data.activeJob, operations.data.jobs)} />
        )}
        <Box component="section" aria-labelledby="latest-heading">
          <Stack
            direction="row"
            sx={{ alignItems: 'baseline', justifyContent: 'space-between', mb: 1 }}
          >
            <Typography id="latest-heading" component="h2" variant="h6">
              Latest operations
            </Typography>
            <Link component={RouterLink} to="/jobs">
              All jobs
            </Link>
          </Stack>
          {operations.isPending && <LoadingBlock label="Loading the latest operations..." />}
          {operations.isError && (
            <ErrorPanel
              error={operations.error}
              context="Loading the latest operations"
              onRetry={() => void operations.refetch()}
            />
          )}
          {operations.data && operations.data.jobs.length === 0 && (
            <Typography>
              No operations yet. {isAdmin ? 'Start with a device import or an export.' : ''}
            </Typography>
          )}
          {operations.data && operations.data.jobs.length > 0 && (
            <RecentOperations jobs={operations.data.jobs} />
          )}
        </Box>
      </Stack>
    </>
  );
}
