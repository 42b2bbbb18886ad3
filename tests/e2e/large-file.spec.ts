import { expect, test } from '@playwright/test';
import { writeDeviceCsv } from './support/device-files';
import { SCREENSHOTS, USERS, signIn } from './support/sign-in';

// Long tasks are recorded from the first script on the page, so everything the main thread does
// while the worker converts and the browser uploads is measured.
// The upload bar's values are recorded by a MutationObserver in the page too: uploads to a local
// Azurite take well under a second, too fast to sample from the test process.
const RECORD_LONG_TASKS_AND_UPLOAD_PROGRESS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(Math.round(entry.duration));
  }).observe({ type: 'longtask', buffered: true });
  window.__uploadProgress = [];
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      const target = mutation.target;
      if (target instanceof Element && target.getAttribute('aria-label') === 'Upload progress') {
        window.__uploadProgress.push(target.getAttribute('aria-valuenow'));
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-valuenow'] });
`;

test('a 100,000-row file converts and uploads with visible progress while the page stays responsive', async ({ page }) => {
  test.setTimeout(240_000);
  const csv = await writeDeviceCsv('hundred-thousand.csv', 'j4', 100_000);
  await signIn(page, USERS.admin);
  await page.getByRole('link', { name: 'Import' }).click();
  await page.addInitScript(RECORD_LONG_TASKS_AND_UPLOAD_PROGRESS);
  await page.reload();
  await expect(page.getByLabel('Device list file')).toBeAttached();

  const startedAt = await page.evaluate(() => performance.now());
  await page.getByLabel('Device list file').setInputFiles(csv.path);
  await expect(page.getByRole('progressbar', { name: 'Conversion progress' })).toBeVisible();
  await expect(page.getByLabel('NDJSON preview')).toContainText('j4-000001', { timeout: 60_000 });
  await page.screenshot({ path: `${SCREENSHOTS}/large-file-converted.png`, fullPage: true });

  await page.getByRole('button', { name: 'Upload and start import' }).click();
  await expect(page).toHaveURL(/\/jobs\/[^/]+$/, { timeout: 60_000 });
  const uploadValues = await page.evaluate(() => (window as unknown as { __uploadProgress: (string | null)[] }).__uploadProgress);
  // The ~10 MB of NDJSON goes up in 4 MiB blocks: the bar must stop in between rather than jump from 0 to 100.
  const intermediate = new Set(uploadValues.map(Number).filter((value) => value > 0 && value < 100));
  expect(intermediate.size, `upload bar values: ${uploadValues.join(', ')}`).toBeGreaterThanOrEqual(2);

  const longTasks = await page.evaluate((since) => {
    const all = (window as unknown as { __longTasks: number[] }).__longTasks;
    return { max: Math.max(0, ...all), count: all.length, since };
  }, startedAt);
  expect(longTasks.max, `longest main-thread task: ${longTasks.max} ms over ${longTasks.count} long tasks`).toBeLessThanOrEqual(200);
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText(/completed/i, { timeout: 120_000 });
});
