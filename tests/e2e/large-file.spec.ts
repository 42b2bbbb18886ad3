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
    for (const entry of list.getEntries()) window.__longTasks.push({ start: Math.round(entry.startTime), duration: Math.round(entry.duration) });
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

test('a 100,000-row file converts and uploads with visible progress while the page stays responsive', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const csv = await writeDeviceCsv('hundred-thousand.csv', 'j4', 100_000);
  await signIn(page, USERS.admin);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Import' })
    .click();
  await expect(page).toHaveURL(/\/import$/);
  await page.addInitScript(RECORD_LONG_TASKS_AND_UPLOAD_PROGRESS);
  await page.reload();
  await expect(page.getByLabel('Device list file')).toBeAttached();

  const startedAt = await page.evaluate(() => performance.now());
  await page.getByLabel('Device list file').setInputFiles(csv.path);
  // While measuring, the test waits with cheap in-page checks: Playwright's role and text queries
  // walk the whole DOM on the page's main thread and would show up as long tasks themselves.
  await page.waitForFunction(
    () => document.querySelector('[role="progressbar"][aria-label="Conversion progress"]') !== null,
    null,
    { polling: 200 },
  );
  await page.waitForFunction(
    () =>
      document
        .querySelector('pre[aria-label="NDJSON preview"]')
        ?.textContent?.includes('j4-000001') ?? false,
    null,
    { polling: 250, timeout: 60_000 },
  );

  // 100,000 rows are more than the console reads one by one for a plan: it says so, and the
  // admin must choose to go without a plan (and without undo) explicitly.
  await page
    .getByLabel('Upload without a plan: no prediction, no kept keys, no backup and no undo')
    .check();
  await page.locator('button', { hasText: 'Upload and start import' }).click();
  await page.waitForURL(/\/jobs\/[^/]+$/, { timeout: 60_000 });
  const uploadValues = await page.evaluate(
    () => (window as unknown as { __uploadProgress: (string | null)[] }).__uploadProgress,
  );
  // The ~10 MB of NDJSON goes up in 4 MiB blocks: the bar must stop in between rather than jump
  // from 0 to 100.
  const intermediate = new Set(
    uploadValues.map(Number).filter((value) => value > 0 && value < 100),
  );
  expect(intermediate.size, `upload bar values: ${uploadValues.join(', ')}`).toBeGreaterThanOrEqual(
    2,
  );

  // Only what happens from the drop on counts: the page's own start-up is not the conversion's
  // doing.
  const longTasks = await page.evaluate((since) => {
    const all = (window as unknown as { __longTasks: { start: number; duration: number }[] })
      .__longTasks;
    return all.filter((task) => task.start >= since);
  }, startedAt);
  const longest = Math.max(0, ...longTasks.map((task) => task.duration));
  // The job ends before the verdict: a failed check must not leave the hub's one job slot taken by
  // 100,000 devices for the specs that follow.
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText(/completed/i, {
    timeout: 120_000,
  });
  await page.screenshot({ path: `${SCREENSHOTS}/large-file-job.png`, fullPage: true });
  expect(
    longest,
    `main-thread long tasks after the drop: ${JSON.stringify(longTasks)}`,
  ).toBeLessThanOrEqual(200);
});
