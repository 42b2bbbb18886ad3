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
import { formatCount, plural } from '../../../lib/format';
import { groupIssuesByCode } from '../model/group-issues-by-code';
import { InvalidRowsTable } from './invalid-rows-table';
import { IssueGroups } from './issue-groups';

interface ReviewStepProps {
  report: ConversionReport;
  keysCsv: Blob | null;
  excludeInvalid: boolean;
  onExcludeInvalid: (value: boolean) => void;
  /**
   * The plan read the registry and no device gets new keys: the converter's "keys will change"
   * warning (it cannot see the registry) no longer applies, and is left out.
   */
  keysSettledByPlan?: boolean;
}

const KEYS_WARNING = 'KEYS_WILL_CHANGE';

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

function invalidRowsAdvice(invalid: number, valid: number): string {
  const head = `${plural(invalid, 'row is', 'rows are')} invalid and cannot be imported.`;
  if (valid === 0) return `${head} No row is valid: fix the file and drop it again.`;
  const these = invalid === 1 ? 'this row' : 'these rows';
  return `${head} Fix the file and drop it again, or exclude ${these} and import the ${plural(valid, 'valid one', 'valid ones')}.`;
}

// Memoised: the wizard re-renders on every upload progress event, and this section does not change
// then.
export const ReviewStep = memo(function ReviewStep({
  report,
  keysCsv,
  excludeInvalid,
  onExcludeInvalid,
  keysSettledByPlan = false,
}: ReviewStepProps) {
  // The wizard re-renders on every upload progress tick; the issue lists only change with the
  // report.
  const errors = useMemo(
    () => report.issues.filter((issue) => issue.severity === 'error'),
    [report],
  );
  const errorGroups = useMemo(() => groupIssuesByCode(report, 'error'), [report]);
  const warningGroups = useMemo(
    () =>
      groupIssuesByCode(report, 'warning').filter(
        (group) => !(keysSettledByPlan && group.code === KEYS_WARNING),
      ),
    [report, keysSettledByPlan],
  );
  // Exact, from the report's counts: the issue list itself may be capped.
  const warningCount = warningGroups.reduce((sum, group) => sum + group.count, 0);
  return (
    <Paper component="section" variant="outlined" aria-labelledby="review-heading" sx={{ p: 3 }}>
      <Typography id="review-heading" component="h2" variant="h6" sx={{ mb: 2 }}>
        Review
      </Typography>
      <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap', rowGap: 2, mb: 2 }}>
        <Count label={report.total === 1 ? 'row' : 'rows'} value={report.total} />
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
      {warningCount > 0 && (
        <Stack spacing={1} sx={{ mb: 2 }}>
          <Alert severity="warning">
            {plural(warningCount, 'warning', 'warnings')} of{' '}
            {plural(warningGroups.length, 'kind', 'kinds')}. Warnings do not stop the import; open a
            kind to see its lines.
          </Alert>
          <IssueGroups title="Warnings by kind" groups={warningGroups} />
        </Stack>
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
          <Alert severity="error">{invalidRowsAdvice(report.invalid, report.valid)}</Alert>
          {report.issuesTruncated && (
            <Typography variant="body2" color="text.secondary">
              The lists name the first {plural(report.issues.length, 'problem', 'problems')}; the
              counts are exact.
            </Typography>
          )}
          <IssueGroups title="Errors by kind" groups={errorGroups} />
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
