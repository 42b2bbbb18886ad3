import { useMemo, useState } from 'react';
import { Button, Stack } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import type { RowIssue } from '../../../../core/convert/types';
import { CountFilterSelect } from '../../../components/count-filter-select';
import { VirtualTable } from '../../../components/virtual-table';
import type { VirtualColumn } from '../../../components/virtual-table';
import { toCsvBlob } from '../../../lib/csv-escape';
import { downloadBlob } from '../../../lib/download-blob';

const COLUMNS: ReadonlyArray<VirtualColumn<RowIssue>> = [
  { key: 'line', header: 'Line', width: '80px', render: (issue) => issue.line || '-' },
  {
    key: 'field',
    header: 'Field',
    width: 'minmax(120px, 1fr)',
    render: (issue) => issue.field || '-',
  },
  // Wide enough for the longest code (STATUS_REASON_TOO_LONG): a code cut off cannot be looked up.
  { key: 'code', header: 'Reason', width: 'minmax(240px, 1fr)', render: (issue) => issue.code },
  {
    key: 'message',
    header: 'Details',
    width: 'minmax(240px, 3fr)',
    render: (issue) => <span title={issue.message}>{issue.message}</span>,
  },
];

export function InvalidRowsTable({ issues, label }: { issues: RowIssue[]; label: string }) {
  const [reason, setReason] = useState('');
  const reasons = useMemo(() => {
    const counts = new Map<string, number>();
    for (const issue of issues) counts.set(issue.code, (counts.get(issue.code) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1]);
  }, [issues]);
  const shown = useMemo(
    () => (reason ? issues.filter((issue) => issue.code === reason) : issues),
    [issues, reason],
  );

  const download = () =>
    downloadBlob(
      toCsvBlob(
        // One numbering, the table's: the line of the file (a record number beside it misleads).
        ['line', 'field', 'code', 'severity', 'message'],
        shown.map((i) => [i.line, i.field, i.code, i.severity, i.message]),
      ),
      'invalid-rows.csv',
    );

  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <CountFilterSelect
          label="Filter by reason"
          allWords="All reasons"
          total={issues.length}
          options={reasons.map(([code, count]) => ({ value: code, words: code, count }))}
          value={reason}
          onChange={setReason}
          minWidth={240}
        />
        <Button startIcon={<DownloadIcon />} onClick={download} disabled={shown.length === 0}>
          Download as CSV
        </Button>
      </Stack>
      <VirtualTable
        label={label}
        columns={COLUMNS}
        rows={shown}
        rowKey={(issue, index) => `${issue.line}-${issue.field}-${index}`}
        height={320}
        wrap
        rowHeight={56}
        // The columns' own minimums: fits the review at 800 px without a sideways scroll.
        minWidth={680}
      />
    </Stack>
  );
}
