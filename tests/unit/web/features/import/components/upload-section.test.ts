// @vitest-environment jsdom
import { createElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConversionReport } from '../../../../../../src/core/convert/types';
import type { ImportMode } from '../../../../../../src/core/model/import-mode';
import { UploadSection } from '../../../../../../src/web/features/import/components/upload-section';
import { createProgressStore } from '../../../../../../src/web/lib/progress-store';
import type { ChecksumProgress } from '../../../../../../src/web/workers/conversion/run-conversion';

afterEach(cleanup);

function report(byMode: Partial<Record<ImportMode, number>>): ConversionReport {
  const valid = Object.values(byMode).reduce((a, b) => a + b, 0);
  return {
    format: 'csv',
    total: valid,
    valid,
    invalid: 0,
    blank: 0,
    byMode,
    byStatus: { enabled: valid },
    issues: [],
    columns: [],
    unmappedColumns: [],
  };
}

// The hub's name comes from the cached /api/hub answer, seeded here as the app bar would have it.
const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
client.setQueryData(['hub-info'], {
  hostName: 'contoso-test.azure-devices.net',
  statistics: { totalDeviceCount: 3, enabledDeviceCount: 3, disabledDeviceCount: 0 },
  activeJob: null,
});
const checksumProgress = createProgressStore<ChecksumProgress | null>(null);

function section(updating: boolean, byMode: Partial<Record<ImportMode, number>>) {
  return createElement(
    QueryClientProvider,
    { client },
    createElement(UploadSection, {
      updating,
      report: report(byMode),
      excludeInvalid: false,
      plan: null,
      planGate: null,
      state: { phase: 'idle' },
      checksumProgress,
      onUpload: vi.fn(),
      onStart: vi.fn(),
      onQueue: vi.fn(),
      onCancelUpload: vi.fn(),
      onAutoStart: vi.fn(),
    }),
  );
}

const upload = () =>
  screen.getByRole<HTMLButtonElement>('button', { name: 'Upload and start import' });
const confirmBox = () => screen.getByLabelText<HTMLInputElement>('Type to confirm');

describe('UploadSection while the file is read again', () => {
  it('keeps the typed phrase and waits with Upload while updating, and enables it after', () => {
    const view = render(section(false, { delete: 3 }));
    fireEvent.change(confirmBox(), { target: { value: 'delete 3 devices in contoso-test' } });
    expect(upload().disabled).toBe(false);

    view.rerender(section(true, { delete: 3 }));
    expect(upload().disabled).toBe(true);
    expect(screen.getByText(/Updating: the file is being read again/)).toBeTruthy();
    expect(confirmBox().value).toBe('delete 3 devices in contoso-test');

    view.rerender(section(false, { delete: 3 }));
    expect(confirmBox().value).toBe('delete 3 devices in contoso-test');
    expect(upload().disabled).toBe(false);
  });

  it('asks again when the new outcome changes the phrase', () => {
    const view = render(section(false, { delete: 3 }));
    fireEvent.change(confirmBox(), { target: { value: 'delete 3 devices in contoso-test' } });
    view.rerender(section(true, { delete: 3 }));
    view.rerender(section(false, { delete: 2 }));
    expect(screen.getByText(/This import will/).textContent).toContain(
      'delete 2 devices in contoso-test',
    );
    expect(confirmBox().value).toBe('');
    expect(upload().disabled).toBe(true);
  });
});
