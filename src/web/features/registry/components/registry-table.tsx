import { Link } from '@mui/material';
import { VirtualTable } from '../../../components/virtual-table';
import type { VirtualColumn } from '../../../components/virtual-table';
import type { RegistryRow } from '../../../lib/registry-worker/summarize-device';
import { tagSummary } from '../model/filter-registry-rows';

interface RegistryTableProps {
  rows: readonly RegistryRow[];
  selected: number | null;
  onSelect: (row: RegistryRow) => void;
}

export function RegistryTable({ rows, selected, onSelect }: RegistryTableProps) {
  const columns: VirtualColumn<RegistryRow>[] = [
    {
      key: 'id',
      header: 'Device id',
      width: 'minmax(180px, 2fr)',
      render: (row) => (
        <Link
          component="button"
          onClick={() => onSelect(row)}
          aria-current={row.index === selected ? 'true' : undefined}
          sx={{ textAlign: 'left', fontWeight: row.index === selected ? 700 : 400, maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
        >
          {row.id}
        </Link>
      ),
    },
    { key: 'module', header: 'Module', width: 'minmax(100px, 1fr)', render: (row) => row.moduleId ?? '' },
    { key: 'status', header: 'Status', width: '100px', render: (row) => row.status || '-' },
    { key: 'auth', header: 'Auth type', width: '150px', render: (row) => row.authType || 'not exported' },
    { key: 'edge', header: 'Edge', width: '70px', render: (row) => (row.edge ? 'yes' : 'no') },
    { key: 'tags', header: 'Tags', width: 'minmax(160px, 2fr)', render: (row) => <span title={tagSummary(row)}>{tagSummary(row)}</span> },
  ];
  return (
    <VirtualTable
      label="Devices"
      columns={columns}
      rows={rows}
      rowKey={(row) => String(row.index)}
      height={560}
      emptyText="No devices match the filters."
    />
  );
}
