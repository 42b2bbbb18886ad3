import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ByteProgressBar } from '../../../../src/web/components/byte-progress-bar';

// The one bytes bar of the diff's two inputs and the error log's reading: a percentage when the
// length is known, the bytes so far under a moving bar when it is not.

const MB = 1024 * 1024;

describe('ByteProgressBar', () => {
  it('is determinate with the share read when the length is known', () => {
    render(
      <ByteProgressBar
        label="Loading A"
        name="A"
        bytes={5 * MB}
        totalBytes={10 * MB}
        describe={(size) => `Downloading: ${size}`}
      />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Loading A' });
    expect(bar.getAttribute('aria-valuenow')).toBe('50');
    expect(bar.getAttribute('aria-valuetext')).toMatch(/^Downloading: .+ of .+$/);
    expect(screen.getByText(/^A: Downloading:/)).toBeTruthy();
  });

  it('is indeterminate with the bytes so far when the server sent no length', () => {
    render(
      <ByteProgressBar
        label="Reading the log"
        name="Reading the log"
        bytes={3 * MB}
        totalBytes={null}
        describe={(size, known) => (known ? size : `${size} read`)}
      />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Reading the log' });
    expect(bar.getAttribute('aria-valuenow')).toBeNull();
    expect(bar.getAttribute('aria-valuetext')).toMatch(/ read$/);
  });
});
