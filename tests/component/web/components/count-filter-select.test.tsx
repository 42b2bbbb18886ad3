import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CountFilterSelect } from '../../../../src/web/components/count-filter-select';

// The one filter by a key with counts (invalid rows by reason, the error log by code): every
// choice says how many rows it shows, the empty one all of them, and a pick hands its value on.

describe('CountFilterSelect', () => {
  it('offers all rows and each key with its count, and hands the pick on', () => {
    const picked: string[] = [];
    render(
      <CountFilterSelect
        label="Filter by reason"
        allWords="All reasons"
        total={1500}
        options={[
          { value: 'ID_MISSING', words: 'ID_MISSING', count: 1200 },
          { value: 'CSV_QUOTES', words: 'CSV_QUOTES', count: 300 },
        ]}
        value=""
        onChange={(value) => picked.push(value)}
        minWidth={240}
      />,
    );
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Filter by reason' }));
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      'All reasons (1,500)',
      'ID_MISSING (1,200)',
      'CSV_QUOTES (300)',
    ]);
    fireEvent.click(options[2] as HTMLElement);
    expect(picked).toEqual(['CSV_QUOTES']);
  });
});
