import { Link as RouterLink, useParams } from 'react-router';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Chip,
  LinearProgress,
  Link,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { RunChunk } from '../../../../contracts/api';
import { ErrorPanel } from '../../../components/error-panel';
import { LoadingBlock } from '../../../components/loading-block';
import { PageHeader } from '../../../components/page-header';
import { useIsAdmin } from '../../../lib/current-user';
import { formatCount, formatDateTime } from '../../../lib/format';
import { useResumeRun, useRun } from '../../../lib/queue/runs';
import {
  chunkErrorWords,
  chunkStateWords,
  firstStoppedChunk,
  RUN_STATE_WORDS,
} from '../model/run-words';

/**
 * A chunked import: the whole run's progress and errors, each chunk with its state and its own
 * errors page, and, once the stop rule fired, the reason and "Resume from chunk k".
 */
export function RunPage() {
  const { runId = '' } = useParams();
  const run = useRun(runId);
  const resume = useResumeRun(runId);
  const isAdmin = useIsAdmin();
  const data = run.data;
  const stopped = data ? firstStoppedChunk(data) : undefined;
  const percentDone =
    data && data.totals.rows > 0 ? (data.totals.rowsDone / data.totals.rows) * 100 : 0;

  return (
    <>
      <PageHeader
        title="Chunked import"
        subtitle={
          data
            ? `${data.fileName ?? 'File'} in ${data.chunks.length} chunks of at most ${formatCount(data.chunkSize)} devices; stops if more than ${data.stopPercent}% of a chunk fails.`
            : undefined
        }
      />
      {run.isPending && <LoadingBlock label="Loading the chunked import..." />}
      {run.isError && (
        <ErrorPanel
          error={run.error}
          context="Loading the chunked import"
          onRetry={() => void run.refetch()}
        />
      )}
      {data && (
        <Stack spacing={3}>
          <Paper variant="outlined" sx={{ p: 3 }} component="section" aria-labelledby="run-heading">
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
              <Typography id="run-heading" component="h2" variant="h6">
                The whole import
              </Typography>
              <Chip
                size="small"
                role="status"
                aria-label="Run status"
                label={RUN_STATE_WORDS[data.state]}
                color={
                  data.state === 'stopped'
                    ? 'warning'
                    : data.state === 'completed'
                      ? 'success'
                      : 'primary'
                }
              />
            </Stack>
            <LinearProgress
              variant="determinate"
              value={percentDone}
              aria-label="Run progress"
              aria-valuetext={`${formatCount(data.totals.rowsDone)} of ${formatCount(data.totals.rows)} devices through`}
            />
            <Typography variant="body2" sx={{ mt: 1 }}>
              {formatCount(data.totals.rowsDone)} of {formatCount(data.totals.rows)} devices through
              the hub, {formatCount(data.totals.errorLines)}{' '}
              {data.totals.errorLines === 1 ? 'error' : 'errors'}. Started by {data.createdBy.name}{' '}
              at {formatDateTime(data.createdAt)}. The chunks run on the server; this page can be
              closed.
            </Typography>
            {stopped && (
              <Alert severity="warning" role="alert" sx={{ mt: 2 }}>
                <AlertTitle>Stopped before chunk {stopped.chunk}</AlertTitle>
                <Typography variant="body2">{stopped.reason}</Typography>
                <Typography variant="body2">
                  The remaining chunks are kept, not deleted. Look at the errors of the chunk
                  before, then resume or leave the run stopped.
                </Typography>
                {isAdmin && (
                  <Button
                    sx={{ mt: 1 }}
                    variant="contained"
                    size="small"
                    disabled={resume.isPending}
                    onClick={() => resume.mutate()}
                  >
                    Resume from chunk {stopped.chunk}
                  </Button>
                )}
              </Alert>
            )}
            {resume.isError && (
              <Box sx={{ mt: 2 }}>
                <ErrorPanel error={resume.error} context="Resuming the chunked import" />
              </Box>
            )}
          </Paper>
          <TableContainer component={Paper} variant="outlined">
            <Table size="small" aria-label="Chunks">
              <TableHead>
                <TableRow>
                  <TableCell>Chunk</TableCell>
                  <TableCell align="right">Devices</TableCell>
                  <TableCell>State</TableCell>
                  <TableCell>Errors</TableCell>
                  <TableCell>Why</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.chunks.map((chunk) => (
                  <ChunkRow key={chunk.operationId} chunk={chunk} of={data.chunks.length} />
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Stack>
      )}
    </>
  );
}

function ChunkRow({ chunk, of }: { chunk: RunChunk; of: number }) {
  const ref = chunk.jobId ?? chunk.operationId;
  const errors = chunkErrorWords(chunk);
  return (
    <TableRow>
      <TableCell>
        <Link component={RouterLink} to={`/jobs/${encodeURIComponent(ref)}`}>
          {chunk.chunk} of {of}
        </Link>
      </TableCell>
      <TableCell align="right">{formatCount(chunk.rows)}</TableCell>
      <TableCell>{chunkStateWords(chunk)}</TableCell>
      <TableCell>
        {chunk.errorLineCount !== null && chunk.errorLineCount > 0 ? (
          <Link component={RouterLink} to={`/jobs/${encodeURIComponent(ref)}/errors`}>
            {errors}
          </Link>
        ) : (
          errors
        )}
      </TableCell>
      <TableCell>{chunk.reason ?? ''}</TableCell>
    </TableRow>
  );
}
