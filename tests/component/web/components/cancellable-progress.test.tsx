import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CancellableProgress } from '../../../../src/web/components/cancellable-progress';

// A step the admin waits for and may stop: a named determinate bar whose value text says what is
// done, a caption that is not announced, and the cancel button beside it.

describe('CancellableProgress', () => {
  it('shows a determinate, named bar with its words and stops on Cancel', () => {
    let cancelled = 0;
    render(
      <CancellableProgress
        label="Upload progress"
        percent={42.4}
        text="4.2 MB of 10 MB"
        cancelWords="Cancel upload"
        onCancel={() => (cancelled += 1)}
      />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Upload progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('42.4');
    expect(bar.getAttribute('aria-valuetext')).toBe('42 percent, 4.2 MB of 10 MB');
    expect(screen.getByText('4.2 MB of 10 MB · 42 %').getAttribute('aria-live')).toBe('off');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel upload' }));
    expect(cancelled).toBe(1);
  });

  it('shows a caption of its own when given one', () => {
    render(
      <CancellableProgress
        label="Conversion progress"
        percent={10}
        text="5 records"
        caption="5 records · 10 % · 1 MB/s"
        cancelWords="Cancel conversion"
        onCancel={() => undefined}
      />,
    );
    expect(screen.getByText('5 records · 10 % · 1 MB/s')).toBeTruthy();
  });
});
