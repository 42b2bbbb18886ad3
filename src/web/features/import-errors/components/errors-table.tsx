import { Tooltip } from '@mui/material';
import { VirtualTable } from '../../../components/virtual-table';
import type { VirtualColumn } from '../../../components/virtual-table';
import type { ErrorRow } from '../model/error-rows';

function Clipped({ text }: { text: string }) {
  return (
    <Tooltip title={text} placement="bottom-start" enterDelay={400}>
      <span>{text}</span>
    </Tooltip>
  );
}

const COLUMNS: ReadonlyArray<VirtualColumn<ErrorRow>> = [
  { key: 'id', header: 'Device ID', width: 'minmax(140px, 1.2fr)', render: (row) => <Clipped text={row.deviceId ?? '(no id)'} /> },
  { key: 'code', header: 'Code', width: '80px', render: (row) => row.code ?? '—' },
  { key: 'error', header: 'Error', width: 'minmax(160px, 1.2fr)', render: (row) => <Clipped text={`${row.info.name}${row.status && row.status !== row.deviceId ? `: ${row.status}` : ''}`} /> },
  { key: 'meaning', header: 'Meaning', width: 'minmax(200px, 2fr)', render: (row) => <Clipped text={row.info.meaning} /> },
  { key: 'action', header: 'What to do', width: 'minmax(200px, 2fr)', render: (row) => <Clipped text={row.info.action} /> },
  { key: 'source', header: 'Source row', width: 'minmax(160px, 1.5fr)', render: (row) => (row.source ? <Clipped text={`line ${row.source.line}: ${row.source.values}`} /> : '—') },
];

export function ErrorsTable({ rows }: { rows: ErrorRow[] }) {
  return (
    <VirtualTable
      label="Import errors"
      columns={COLUMNS}
      rows={rows}
      rowKey={(row) => String(row.logLine)}
      height={600}
      rowHeight={56}
      wrap
      minWidth={1100}
      emptyText="No errors match."
    />
  );
}
