import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../../../../src/contracts/api';
import {
  EXPORT_LIST_KEY,
  exportJobKey,
  shareJobRead,
  shareListRead,
} from '../../../../../../src/web/features/exports/api/share-export-reads';
import { exportJob } from '../support/export-job';

// A real QueryClient with no fetchers attached: the tests watch what each read leaves in the cache
// the panel and the list render from.

const running = exportJob({ status: 'running', progress: 0, endTimeUtc: null });
const completed = exportJob({ status: 'completed', progress: 100 });

function clientWithList(list: Job[]): QueryClient {
  const client = new QueryClient();
  client.setQueryData(EXPORT_LIST_KEY, list);
  return client;
}

describe('shareJobRead (the live panel saw a change)', () => {
  it("flips the list's row at once and has the list, the jobs and the hub's slot read again", () => {
    const client = clientWithList([running]);
    client.setQueryData(['jobs', 'list'], []);
    client.setQueryData(['hub-info'], {});
    shareJobRead(client, completed);
    expect(client.getQueryData<Job[]>(EXPORT_LIST_KEY)?.[0]?.status).toBe('completed');
    expect(client.getQueryState(EXPORT_LIST_KEY)?.isInvalidated).toBe(true);
    expect(client.getQueryState(['jobs', 'list'])?.isInvalidated).toBe(true);
    expect(client.getQueryState(['hub-info'])?.isInvalidated).toBe(true);
  });

  it('moves the progress of a running export along without reading the list again', () => {
    const client = clientWithList([running]);
    shareJobRead(client, exportJob({ status: 'running', progress: 40, endTimeUtc: null }));
    expect(client.getQueryData<Job[]>(EXPORT_LIST_KEY)?.[0]?.progress).toBe(40);
    expect(client.getQueryState(EXPORT_LIST_KEY)?.isInvalidated).toBe(false);
  });

  it('reads the list again once for an ended export the list does not hold yet', () => {
    const client = clientWithList([]);
    shareJobRead(client, completed);
    expect(client.getQueryState(EXPORT_LIST_KEY)?.isInvalidated).toBe(true);
  });
});

describe('shareListRead (the list polled)', () => {
  it('hands an end the list saw first to the panel', () => {
    const client = new QueryClient();
    client.setQueryData(exportJobKey('job-1'), running);
    expect(shareListRead(client, [completed])[0]?.status).toBe('completed');
    expect(client.getQueryData<Job>(exportJobKey('job-1'))?.status).toBe('completed');
  });

  it('keeps an end the panel saw when a list answer sent before it still says running', () => {
    const client = new QueryClient();
    client.setQueryData(exportJobKey('job-1'), completed);
    expect(shareListRead(client, [running])[0]?.status).toBe('completed');
  });

  it('passes rows nobody follows through unchanged', () => {
    const client = new QueryClient();
    expect(shareListRead(client, [running])[0]).toBe(running);
  });
});
