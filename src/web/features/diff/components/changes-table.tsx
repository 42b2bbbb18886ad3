import { Chip, Link } from '@mui/material';
import type { DeviceChange } from '../../../../core/diff';
import { VirtualTable } from '../../../components/virtual-table';
import type { VirtualColumn } from '../../../components/virtual-table';
import { changeKey } from '../model/filter-changes';
import { fieldWords, KIND_COLORS } from '../model/field-words';

interface ChangesTableProps {
  changes: readonly DeviceChange[];
  selected: string | null;
  onSelect: (change: DeviceChange) => void;
  /** A and B hold the same devices: an empty table then says so, not that filters hide them. */
  noChangesAtAll: boolean;
}

const KIND_SHORT = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;

export function ChangesTable({ changes, selected, onSelect, noChangesAtAll }: ChangesTableProps) {
  const columns: VirtualColumn<DeviceChange>[] = [
    {
      key: 'kind',
      header: 'Kind',
      width: '110px',
      render: (c) => (
        <Chip
          size="small"
          label={KIND_SHORT[c.kind]}
          color={KIND_COLORS[c.kind]}
          variant="outlined"
        />
      ),
    },
    {
      key: 'id',
      header: 'Device id',
      width: 'minmax(180px, 2fr)',
      render: (c) => (
        <Link
          component="button"
          onClick={() => onSelect(c)}
          aria-current={changeKey(c) === selected ? 'true' : undefined}
          sx={{
            textAlign: 'left',
            fontWeight: changeKey(c) === selected ? 700 : 400,
            maxWidth: '100%',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
          }}
        >
          {c.id}
        </Link>
      ),
    },
    {
      key: 'module',
      header: 'Module',
      width: 'minmax(90px, 1fr)',
      render: (c) => c.moduleId ?? '',
    },
    {
      key: 'fields',
      header: 'Changed fields',
      width: 'minmax(200px, 3fr)',
      render: (c) => {
        const text =
          c.kind === 'changed'
            ? c.fields.map(fieldWords).join(', ')
            : c.kind === 'added'
              ? 'only in B'
              : 'only in A';
        return <span title={text}>{text}</span>;
      },
    },
  ];
  return (
    <VirtualTable
      label="Changes"
      columns={columns}
      rows={changes}
      rowKey={changeKey}
      height={520}
      emptyText={noChangesAtAll ? 'Nothing changed from A to B.' : 'No changes match the filters.'}
    />
  );
}
