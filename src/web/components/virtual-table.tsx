import { useRef } from 'react';
import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { VirtualTableFrame } from './virtual-table-frame';

export interface VirtualColumn<Row> {
  key: string;
  header: string;
  /** CSS grid track, e.g. '120px' or 'minmax(160px, 2fr)'. */
  width: string;
  render: (row: Row) => ReactNode;
}

interface VirtualTableProps<Row> {
  label: string;
  columns: ReadonlyArray<VirtualColumn<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  height?: number;
  rowHeight?: number;
  emptyText?: string;
  /** Below this width the table scrolls sideways instead of squeezing columns. */
  minWidth?: number;
  /** Let cell text wrap onto two lines (give a rowHeight of about 56). */
  wrap?: boolean;
}

/** Only the rows in view are in the DOM, so a million rows scroll as smoothly as a hundred. */
export function VirtualTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  height = 480,
  rowHeight = 40,
  emptyText = 'No rows.',
  minWidth = 760,
  wrap = false,
}: VirtualTableProps<Row>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const template = columns.map((column) => column.width).join(' ');
  const cellText = wrap
    ? {
        whiteSpace: 'normal',
        display: '-webkit-box',
        WebkitLineClamp: 2,
        WebkitBoxOrient: 'vertical' as const,
        overflow: 'hidden',
      }
    : { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' };

  return (
    <VirtualTableFrame
      label={label}
      headers={columns}
      template={template}
      rowCount={rows.length}
      totalSize={virtualizer.getTotalSize()}
      height={height}
      rowHeight={rowHeight}
      minWidth={minWidth}
      emptyText={emptyText}
      scrollRef={scrollRef}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index] as Row;
        return (
          <Box
            key={rowKey(row, item.index)}
            role="row"
            aria-rowindex={item.index + 2}
            sx={{
              display: 'grid',
              gridTemplateColumns: template,
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              height: rowHeight,
              transform: `translateY(${item.start}px)`,
              borderBottom: 1,
              borderColor: 'divider',
              alignItems: 'center',
            }}
          >
            {columns.map((column) => (
              <Box
                key={column.key}
                role="cell"
                sx={{ px: 1.5, fontSize: '0.875rem', lineHeight: 1.35, ...cellText }}
              >
                {column.render(row)}
              </Box>
            ))}
          </Box>
        );
      })}
    </VirtualTableFrame>
  );
}
