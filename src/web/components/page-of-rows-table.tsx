import type { ReactNode } from 'react';
import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';

export interface PageColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Long unbroken values (device ids, messages) may break anywhere instead of widening it. */
  wrapAnywhere?: boolean;
}

export interface PageOfRowsTableProps<Row> {
  /** The table's name for screen readers; the scroll box is named after it. */
  label: string;
  columns: readonly PageColumn<Row>[];
  /** One page of rows, at most a few hundred: never every row of a large file. */
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  maxHeight: number;
  marginTop?: number;
}

/**
 * A small table of one page of rows in its own scroll box with a sticky header: the plan's rows
 * in the import wizard and the rows that differ from the plan on the job page. The box is
 * focusable so keyboard users can scroll it too (axe scrollable-region-focusable).
 */
export function PageOfRowsTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  maxHeight,
  marginTop,
}: PageOfRowsTableProps<Row>) {
  return (
    <TableContainer
      sx={{ maxHeight, ...(marginTop === undefined ? {} : { mt: marginTop }) }}
      tabIndex={0}
      aria-label={`${label}, scrollable`}
    >
      <Table size="small" stickyHeader aria-label={label}>
        <TableHead>
          <TableRow>
            {columns.map((column) => (
              <TableCell key={column.header}>{column.header}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, index) => (
            <TableRow key={rowKey(row, index)}>
              {columns.map((column) => (
                <TableCell
                  key={column.header}
                  sx={column.wrapAnywhere ? { overflowWrap: 'anywhere' } : undefined}
                >
                  {column.cell(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
