import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AnySelect, FilterBar } from '../../../../src/web/components/filter-bar';

// The filters above a list: one named search landmark, and selects whose "no filter" choice reads
// "Any" (shown even when nothing is picked) before the given options.

describe('FilterBar and AnySelect', () => {
  it('names the landmark and offers Any first, showing it while nothing is picked', async () => {
    const picked: string[] = [];
    render(
      <FilterBar label="Filter devices">
        <AnySelect
          label="Status"
          value=""
          onChange={(value) => picked.push(value)}
          options={[
            { value: 'enabled', words: 'enabled' },
            { value: 'disabled', words: 'disabled' },
          ]}
          minWidth={140}
        />
      </FilterBar>,
    );
    const bar = screen.getByRole('search', { name: 'Filter devices' });
    const select = within(bar).getByRole('combobox', { name: 'Status' });
    expect(select.textContent).toBe('Any');
    fireEvent.mouseDown(select);
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['Any', 'enabled', 'disabled']);
    fireEvent.click(options[2] as HTMLElement);
    expect(picked).toEqual(['disabled']);
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
  });

  it('uses the filter’s own value for Any when it has one', async () => {
    const picked: string[] = [];
    render(
      <AnySelect
        label="IoT Edge"
        value="edge"
        onChange={(value) => picked.push(value)}
        options={[{ value: 'edge', words: 'Edge devices' }]}
        minWidth={140}
        anyValue="any"
      />,
    );
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'IoT Edge' }));
    fireEvent.click(within(screen.getByRole('listbox')).getAllByRole('option')[0] as HTMLElement);
    expect(picked).toEqual(['any']);
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
  });
});
