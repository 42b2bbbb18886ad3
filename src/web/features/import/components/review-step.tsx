import { memo, useMemo } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import type { ConversionReport } from '../../../../core/convert/types';
import { downloadBlob } from '../../../lib/download-blob';
import { formatCount } from '../../../lib/format';
import { InvalidRowsTable } from './invalid-rows-table';

interface ReviewStepProps {
  report: ConversionReport;
  keysCsv: Blob | null;
  excludeInvalid: boolean;
  onExcludeInvalid: (value: boolean) => void;
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <Box sx={{ minWidth: 110 }}>
      <Typography variant="h5" component="p">
        {formatCount(value)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
    </Box>
  );
}

function summarize(record: Partial<Record<string, number>>): string {
  const parts = Object.entries(record)
    .filter(([, count]) => (count ?? 0) > 0)
    .map(([key, count]) => `${key}: ${formatCount(count ?? 0)}`);
  return parts.join(' · ') || '-';
}

// Memoised: the wizard re-renders on every upload progress event, and this section does not change
// then.
export const ReviewStep = memo(function ReviewStep({
  report,
  keysCsv,
  excludeInvalid,
  onExcludeInvalid,
}: ReviewStepProps) {
  // The wizard re-renders on every upload progress tick; the issue lists only change with the
  // report.
  const errors = useMemo(
    () => report.issues.filter((issue) => issue.severity === 'error'),
    [report],
  );
  const warnings = useMemo(
    () => report.issues.filter((issue) => issue.severity === 'warning'),
    [report],
  );
  return (
    <Paper component="section" variant="outlined" aria-labelledby="review-heading" sx={{ p: 3 }}>
      <Typography id="review-heading" component="h2" variant="h6" sx={{ mb: 2 }}>
        Review
      </Typography>
      <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap', rowGap: 2, mb: 2 }}>
        <Count label="rows" value={report.total} />
        <Count label="valid" value={report.valid} />
        <Count label="invalid" value={report.invalid} />
        <Count label="blank (skipped)" value={report.blank} />
      </Stack>
      <Typography variant="body2">
        <strong>By mode:</strong> {summarize(report.byMode)}
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        <strong>By status:</strong> {summarize(report.byStatus)}
      </Typography>
      {report.fileError && (
        <Alert severity="error" sx={{ mb: 2 }}>
          <strong>The file could not be read.</strong> {report.fileError.message}
          {report.fileError.line && !/\bline\b/.test(report.fileError.message)
            ? ` (line ${report.fileError.line}${report.fileError.column ? `, column ${report.fileError.column}` : ''})`
            : ''}
          . Fix the file and drop it again.
        </Alert>
      )}
      {report.unmappedColumns.length > 0 && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Not imported (no field): {report.unmappedColumns.join(', ')}.
        </Alert>
      )}
      {warnings.length > 0 && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {formatCount(warnings.length)} warning{warnings.length === 1 ? '' : 's'}:{' '}
          {[...new Set(warnings.map((w) => w.message))].slice(0, 3).join(' ')}
        </Alert>
      )}
      {keysCsv && (
        <Alert
          severity="info"
          sx={{ mb: 2 }}
          action={
            <Button
              color="inherit"
              size="small"
              startIcon={<DownloadIcon />}
              onClick={() => downloadBlob(keysCsv, 'device-keys.csv')}
            >
              Download keys file
            </Button>
          }
        >
          Keys were generated in this browser. Download them now: they are not shown again.
        </Alert>
      )}
      {report.invalid > 0 && (
        <Stack spacing={2}>
          <Alert severity="error">
            {formatCount(report.invalid)} row{report.invalid === 1 ? ' is' : 's are'} invalid and
            cannot be imported. Fix the file and drop it again, or exclude these rows and import the{' '}
            {formatCount(report.valid)} valid ones.
          </Alert>
          {report.issuesTruncated && (
            <Typography variant="body2" color="text.secondary">
              The table lists the first {formatCount(report.issues.length)} problems; the counts are
              exact.
            </Typography>
          )}
          <InvalidRowsTable issues={errors} label="Invalid rows" />
          <FormControlLabel
            control={
              <Checkbox
                checked={excludeInvalid}
                onChange={(event) => onExcludeInvalid(event.target.checked)}
              />
            }
            label="Exclude invalid rows"
          />
        </Stack>
      )}
    </Paper>
  );
});
