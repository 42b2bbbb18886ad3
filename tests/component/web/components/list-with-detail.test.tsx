import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ListWithDetail } from '../../../../src/web/components/list-with-detail';

// A list and the panel of its selected row: the panel is there only with a selection, after the
// list, so keyboard and reading order go list first.

describe('ListWithDetail', () => {
  it('shows the list alone without a selection, and the panel after it with one', () => {
    const { rerender } = render(
      <ListWithDetail wideColumns="1fr 1fr" list={<p>the list</p>} detail={null} />,
    );
    expect(screen.getByText('the list')).toBeTruthy();
    expect(screen.queryByText('the panel')).toBeNull();
    rerender(
      <ListWithDetail wideColumns="1fr 1fr" list={<p>the list</p>} detail={<p>the panel</p>} />,
    );
    const list = screen.getByText('the list');
    const panel = screen.getByText('the panel');
    expect(list.compareDocumentPosition(panel) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(list.parentElement).toBe(panel.parentElement);
  });
});
