import { memo, useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { Box, Link, Skeleton } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { VirtualTableFrame } from '../../../components/virtual-table-frame';
import { tagSummary } from '../../../workers/registry/registry-filter';
import type { RegistryRow } from '../../../workers/registry/summarize-device';

interface RegistryTableProps {
  /** Rows matching the filter; only the ones in view are fetched from the worker. */
  count: number;
  rowAt: (position: number) => RegistryRow | undefined;
  /** Called with the rendered positions start..end-1 whenever they change. */
  onRange: (start: number, end: number) => void;
  selected: number | null;
  /** Must keep its identity across renders (a state setter), or every row re-renders. */
  onSelect: (row: RegistryRow) => void;
  /** What an empty table says: "still loading" until the whole export is read and answered. */
  emptyText: string;
}

const HEIGHT = 560;
const ROW_HEIGHT = 40;
const MIN_WIDTH = 760;

interface Column {
  key: string;
  header: string;
  width: string;
  render: (
    row: RegistryRow,
    isSelected: boolean,
    onSelect: (row: RegistryRow) => void,
  ) => ReactNode;
}

const COLUMNS: Column[] = [
  {
    key: 'id',
    header: 'Device id',
    width: 'minmax(180px, 2fr)',
    render: (row, isSelected, onSelect) => (
      <Link
        component="button"
        onClick={() => onSelect(row)}
        aria-current={isSelected ? 'true' : undefined}
        sx={{
          textAlign: 'left',
          fontWeight: isSelected ? 700 : 400,
          maxWidth: '100%',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
        }}
      >
        {row.id}
      </Link>
    ),
  },
  {
    key: 'module',
    header: 'Module',
    width: 'minmax(100px, 1fr)',
    render: (row) => row.moduleId ?? '',
  },
  { key: 'status', header: 'Status', width: '100px', render: (row) => row.status || '-' },
  {
    key: 'auth',
    header: 'Auth type',
    width: '150px',
    render: (row) => row.authType || 'not exported',
  },
  { key: 'edge', header: 'Edge', width: '70px', render: (row) => (row.edge ? 'yes' : 'no') },
  {
    key: 'tags',
    header: 'Tags',
    width: 'minmax(160px, 2fr)',
    render: (row) => <span title={tagSummary(row)}>{tagSummary(row)}</span>,
  },
];
const TEMPLATE = COLUMNS.map((column) => column.width).join(' ');
const CELL_SX = {
  px: 1.5,
  fontSize: '0.875rem',
  lineHeight: 1.35,
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
} as const;
const PLACEHOLDER_SX = { ...CELL_SX, gridColumn: '1 / -1' } as const;

interface TableRowProps {
  position: number;
  start: number;
  row: RegistryRow | undefined;
  isSelected: boolean;
  onSelect: (row: RegistryRow) => void;
}

// Memoized: the page re-renders several times a second while the file loads (counts, progress),
// and a row whose data, place and selection did not change should cost nothing then.
const TableRow = memo(function TableRow({
  position,
  start,
  row,
  isSelected,
  onSelect,
}: TableRowProps) {
  return (
    <Box
      role="row"
      aria-rowindex={position + 2}
      aria-busy={row === undefined ? 'true' : undefined}
      sx={{
        display: 'grid',
        gridTemplateColumns: TEMPLATE,
        position: 'absolute',
        top: 0,
        left: 0,
        width: '100%',
        height: ROW_HEIGHT,
        transform: `translateY(${start}px)`,
        borderBottom: 1,
        borderColor: 'divider',
        alignItems: 'center',
      }}
    >
      {row === undefined ? (
        // One cell across the row: a placeholder costs one element, not one per column.
        <Box role="cell" sx={PLACEHOLDER_SX}>
          <Skeleton variant="text" animation={false} />
        </Box>
      ) : (
        COLUMNS.map((column) => (
          <Box key={column.key} role="cell" sx={CELL_SX}>
            {column.render(row, isSelected, onSelect)}
          </Box>
        ))
      )}
    </Box>
  );
});

/**
 * The registry's virtualized table: the shared table frame, but it holds
 * no rows. It reports the positions it renders, takes their rows from the page's cache, and shows
 * a skeleton line until they arrive, so a million matches never exist on the main thread.
 */
export function RegistryTable({
  count,
  rowAt,
  onRange,
  selected,
  onSelect,
  emptyText,
}: RegistryTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const start = items[0]?.index ?? 0;
  const end = (items[items.length - 1]?.index ?? -1) + 1;
  useEffect(() => onRange(start, end), [onRange, start, end, count]);
  return (
    <VirtualTableFrame
      label="Devices"
      headers={COLUMNS}
      template={TEMPLATE}
      rowCount={count}
      totalSize={virtualizer.getTotalSize()}
      height={HEIGHT}
      rowHeight={ROW_HEIGHT}
      minWidth={MIN_WIDTH}
      emptyText={emptyText}
      scrollRef={scrollRef}
    >
      {items.map((item) => {
        const row = rowAt(item.index);
        return (
          <TableRow
            key={item.key}
            position={item.index}
            start={item.start}
            row={row}
            isSelected={row !== undefined && row.index === selected}
            onSelect={onSelect}
          />
        );
      })}
    </VirtualTableFrame>
  );
}
