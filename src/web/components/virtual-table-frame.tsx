import type { ReactNode, RefObject } from 'react';
import { Box, Typography } from '@mui/material';

export interface VirtualTableFrameProps {
  label: string;
  headers: ReadonlyArray<{ key: string; header: string }>;
  /** CSS grid tracks of the columns, shared by the header and the rows. */
  template: string;
  rowCount: number;
  /** The virtualizer's total height of all rows. */
  totalSize: number;
  height: number;
  rowHeight: number;
  /** Below this width the table scrolls sideways instead of squeezing columns. */
  minWidth: number;
  emptyText: string;
  scrollRef: RefObject<HTMLDivElement | null>;
  /** The rows in view, absolutely placed inside the body. */
  children: ReactNode;
}

/**
 * The frame of a virtualized table: the scroll box, the sticky header row and the body sized to all
 * rows. ARIA table roles keep it a table for screen readers; aria-rowcount gives the true size.
 * The rows are the caller's, so one table can hold its rows and another fetch only those in view.
 */
export function VirtualTableFrame({
  label,
  headers,
  template,
  rowCount,
  totalSize,
  height,
  rowHeight,
  minWidth,
  emptyText,
  scrollRef,
  children,
}: VirtualTableFrameProps) {
  // Shrink to the rows when there are few, so a short list does not sit in a tall empty box.
  const boxHeight = Math.min(height, Math.max(rowCount, 1) * rowHeight + 46);
  return (
    <Box
      ref={scrollRef}
      role="table"
      aria-label={label}
      aria-rowcount={rowCount + 1}
      tabIndex={0}
      sx={{
        height: boxHeight,
        overflow: 'auto',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.paper',
        '&:focus-visible': { outline: 2, outlineColor: 'primary.main' },
      }}
    >
      <Box
        role="rowgroup"
        sx={{ position: 'sticky', top: 0, zIndex: 1, bgcolor: 'background.paper', minWidth }}
      >
        <Box
          role="row"
          aria-rowindex={1}
          sx={{
            display: 'grid',
            gridTemplateColumns: template,
            borderBottom: 1,
            borderColor: 'divider',
            minWidth,
          }}
        >
          {headers.map((column) => (
            <Box
              key={column.key}
              role="columnheader"
              sx={{ px: 1.5, py: 1, fontWeight: 600, fontSize: '0.875rem' }}
            >
              {column.header}
            </Box>
          ))}
        </Box>
      </Box>
      {rowCount === 0 ? (
        <Typography sx={{ p: 2 }} color="text.secondary">
          {emptyText}
        </Typography>
      ) : (
        <Box role="rowgroup" sx={{ height: totalSize, position: 'relative', minWidth }}>
          {children}
        </Box>
      )}
    </Box>
  );
}
