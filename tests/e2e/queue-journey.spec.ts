import { expect, test, type Page } from '@playwright/test';
import { startBlockerImport } from './support/blocker-job';
import { writeDeviceCsv, type GeneratedCsv } from './support/device-files';
import { deviceExists, deviceGeneration } from './support/hub-checks';
import { restartProxy } from './support/restart-proxy';
import { SCREENSHOTS, USERS, signIn } from './support/sign-in';

// Imports queued while another tool's job holds the hub's one slot wait on the server,
// not in the tab. Two are queued, the page is reloaded and the proxy restarted, and both still
// start in the order queued once the slot frees (docs/proxy.md, "Queue and monitor").

async function uploadAndQueue(page: Page, csv: GeneratedCsv, blockerJobId: string) {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Import' })
    .click();
  await page.getByLabel('Device list file').setInputFiles(csv.path);
  await expect(page.getByLabel('NDJSON preview')).toContainText(csv.ids.at(-1) ?? '');
  await page.getByRole('button', { name: 'Upload and start import' }).click();
  const busy = page.getByRole('alert').filter({ hasText: 'Another job is running' });
  await expect(busy).toBeVisible();
  await expect(busy.getByRole('link', { name: blockerJobId })).toBeVisible();
  await busy.getByRole('button', { name: 'Queue' }).click();
  await expect(page).toHaveURL(/\/jobs\/import-\d{8}-[a-z2-7]{10}$/);
  return page.url();
}

test('two imports queued behind a busy slot survive a reload and a proxy restart, in order', async ({
  page,
}) => {
  const first = await writeDeviceCsv('queued-first.csv', 'q1', 4);
  const second = await writeDeviceCsv('queued-second.csv', 'q2', 4);
  await signIn(page, USERS.admin);
  // 4,000 devices a second: about 40 s of slot for the two uploads, the reload and the restart.
  const blocker = await startBlockerImport(160_000, 'q-blocker');

  const firstUrl = await uploadAndQueue(page, first, blocker.jobId);
  const position = page.getByRole('status', { name: 'Queue position' });
  await expect(position).toContainText('Queued, position 1');
  await expect(position).toContainText(`behind import job ${blocker.jobId}`);
  await expect(position).toContainText('started outside the console');

  const secondUrl = await uploadAndQueue(page, second, blocker.jobId);
  await expect(position).toContainText('Queued, position 2');
  // The chip agrees with the panel, and the ETA counts the job ahead (it has made progress).
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText('Queued');
  await expect(position).toContainText(/expected to finish in about \d/);
  await expect(position).not.toContainText('about 0.0 s');
  await page.screenshot({ path: `${SCREENSHOTS}/job-queued.png`, fullPage: true });

  await page.reload();
  await expect(position).toContainText('Queued, position 2');
  await restartProxy();
  await page.reload();
  await expect(position).toContainText('Queued, position 2');

  expect(await blocker.waitUntilDone()).toBe('completed');
  const status = page.getByRole('status', { name: 'Job status' });
  await expect(status).toHaveText(/completed/i, { timeout: 90_000 });
  await page.goto(firstUrl);
  await expect(status).toHaveText(/completed/i);
  expect(page.url()).not.toBe(secondUrl);

  for (const id of [...first.ids, ...second.ids]) expect(await deviceExists(id)).toBe(true);
  // In order: every device of the first import was created before any of the second.
  const generations = async (ids: string[]) => Promise.all(ids.map(deviceGeneration));
  const firstLatest = (await generations(first.ids)).reduce((a, b) => (a > b ? a : b));
  const secondEarliest = (await generations(second.ids)).reduce((a, b) => (a < b ? a : b));
  expect(firstLatest < secondEarliest).toBe(true);
});
