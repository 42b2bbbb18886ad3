import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PageOfRowsTable } from '../../../../src/web/components/page-of-rows-table';

// The one small paged table (the plan's rows, the rows that differ from the plan): a named table
// with its header, one row per given row in order, inside a scroll box keyboard users can reach.

interface Row {
  id: string;
  outcome: string;
}

describe('PageOfRowsTable', () => {
  it('renders the header and the given rows in a named, focusable scroll box', () => {
    const rows: Row[] = [
      { id: 'dev-1', outcome: 'create' },
      { id: 'dev-2', outcome: 'change' },
    ];
    render(
      <PageOfRowsTable
        label="Planned changes"
        columns={[
          { header: 'Device', cell: (row: Row) => row.id, wrapAnywhere: true },
          { header: 'Outcome', cell: (row: Row) => row.outcome },
        ]}
        rows={rows}
        rowKey={(row) => row.id}
        maxHeight={300}
      />,
    );
    const table = screen.getByRole('table', { name: 'Planned changes' });
    const lines = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(lines).toEqual([
      ['Device', 'Outcome'],
      ['dev-1', 'create'],
      ['dev-2', 'change'],
    ]);
    const box = screen.getByLabelText('Planned changes, scrollable');
    expect(box.tabIndex).toBe(0);
    expect(box.contains(table)).toBe(true);
  });
});
