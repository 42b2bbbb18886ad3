// @vitest-environment jsdom
import { createElement } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionLostAlert } from '../../../../../../src/web/features/jobs/components/connection-lost-alert';
import { ApiError } from '../../../../../../src/web/lib/api-error';

afterEach(cleanup);

const network = new ApiError({ code: 'NETWORK_ERROR', message: 'offline', status: 0 });

describe('ConnectionLostAlert', () => {
  it('says the connection is lost, when the next try is, and offers to retry now', () => {
    const onRetryNow = vi.fn();
    render(createElement(ConnectionLostAlert, { error: network, retryInSeconds: 8, onRetryNow }));
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('Connection lost, retrying in 8 s');
    expect(status.textContent).toContain('keeps running on the hub');
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(onRetryNow).toHaveBeenCalledTimes(1);
  });

  it('says it is retrying now when the countdown has run out', () => {
    render(
      createElement(ConnectionLostAlert, {
        error: network,
        retryInSeconds: 0,
        onRetryNow: vi.fn(),
      }),
    );
    expect(screen.getByRole('status').textContent).toContain('Connection lost, retrying now');
  });
});
