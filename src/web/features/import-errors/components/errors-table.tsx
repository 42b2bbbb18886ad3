import { useMemo } from 'react';
import { Tooltip } from '@mui/material';
import { VirtualTable } from '../../../components/virtual-table';
import type { VirtualColumn } from '../../../components/virtual-table';
import { describeImportError } from '../../../../core/import-errors';
import type { ImportErrorEntry } from '../../../../core/import-errors';
import type { SourceRow } from '../model/collect-source-rows';

function Clipped({ text }: { text: string }) {
  return (
    <Tooltip title={text} placement="bottom-start" enterDelay={400}>
      <span>{text}</span>
    </Tooltip>
  );
}

// Catalogue words and source rows are looked up per rendered row, so only the rows on screen pay.
function columns(
  sources: ReadonlyMap<string, SourceRow> | undefined,
): ReadonlyArray<VirtualColumn<ImportErrorEntry>> {
  const sourceOf = (row: ImportErrorEntry) =>
    row.deviceId !== null ? sources?.get(row.deviceId) : undefined;
  return [
    {
      key: 'id',
      header: 'Device ID',
      width: 'minmax(140px, 1.2fr)',
      render: (row) => <Clipped text={row.deviceId ?? '(no id)'} />,
    },
    { key: 'code', header: 'Code', width: '80px', render: (row) => row.errorCode ?? '—' },
    {
      key: 'error',
      header: 'Error',
      width: 'minmax(160px, 1.2fr)',
      render: (row) => (
        <Clipped
          text={`${describeImportError(row.errorCode).name}${row.errorStatus && row.errorStatus !== row.deviceId ? `: ${row.errorStatus}` : ''}`}
        />
      ),
    },
    {
      key: 'meaning',
      header: 'Meaning',
      width: 'minmax(200px, 2fr)',
      render: (row) => <Clipped text={describeImportError(row.errorCode).meaning} />,
    },
    {
      key: 'action',
      header: 'What to do',
      width: 'minmax(200px, 2fr)',
      render: (row) => <Clipped text={describeImportError(row.errorCode).whatToDo} />,
    },
    {
      key: 'source',
      header: 'Source row',
      width: 'minmax(160px, 1.5fr)',
      render: (row) => {
        const source = sourceOf(row);
        return source ? <Clipped text={`line ${source.line}: ${source.values}`} /> : '—';
      },
    },
  ];
}

interface ErrorsTableProps {
  rows: readonly ImportErrorEntry[];
  sources: ReadonlyMap<string, SourceRow> | undefined;
}

export function ErrorsTable({ rows, sources }: ErrorsTableProps) {
  const tableColumns = useMemo(() => columns(sources), [sources]);
  return (
    <VirtualTable
      label="Import errors"
      columns={tableColumns}
      rows={rows}
      rowKey={(row) => String(row.line)}
      height={600}
      rowHeight={56}
      wrap
      minWidth={1100}
      emptyText="No errors match."
    />
  );
}
