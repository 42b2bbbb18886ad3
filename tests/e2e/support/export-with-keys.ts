import { expect, type APIRequestContext } from '@playwright/test';
import type { Job } from '../../../src/contracts/api/jobs';
import { appUrl } from './sign-in';

/**
 * An export with keys through the proxy, as the console takes it, waited for until it completes;
 * its job reference (for the registry browser's URL and its files).
 */
export async function exportWithKeys(request: APIRequestContext, token: string): Promise<string> {
  const headers = { authorization: `Bearer ${token}` };
  let started: Job | undefined;
  for (let attempt = 0; attempt < 60 && !started; attempt++) {
    const response = await request.post(appUrl('/api/exports'), {
      headers,
      data: { excludeKeys: false },
    });
    // Another journey's job may still hold the slot for a moment.
    if (response.status() === 409) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      continue;
    }
    expect(response.status(), await response.text()).toBe(200);
    started = ((await response.json()) as { job: Job }).job;
  }
  const ref = started?.jobId ?? started?.operationId ?? '';
  await expect
    .poll(
      async () => {
        const response = await request.get(appUrl(`/api/jobs/${encodeURIComponent(ref)}`), {
          headers,
        });
        return ((await response.json()) as Job).status;
      },
      { timeout: 60_000 },
    )
    .toBe('completed');
  return ref;
}

/** The devices.txt of a completed export, as text. */
export async function exportedDevices(
  request: APIRequestContext,
  token: string,
  ref: string,
): Promise<string> {
  const file = await request.get(appUrl(`/api/jobs/${encodeURIComponent(ref)}/files/devices`), {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(file.status()).toBe(200);
  return file.text();
}
