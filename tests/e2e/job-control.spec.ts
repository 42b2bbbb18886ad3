import { expect, test } from '@playwright/test';
import { startBlockerImport } from './support/blocker-job';
import { SCREENSHOTS, USERS, appUrl, signIn } from './support/sign-in';

// The e2e stack paces the emulator (global-setup), so a blocker of N devices holds the hub's
// single job slot for a predictable few seconds.

test('an admin cancels a running job after confirming', async ({ page }) => {
  const blocker = await startBlockerImport(60_000, 'j6-blocker');
  await signIn(page, USERS.admin);
  await page.goto(appUrl(`/jobs/${encodeURIComponent(blocker.jobId)}`));
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText(/running|enqueued/i);

  await page.getByRole('button', { name: 'Cancel job' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel the job' }).click();

  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText(/cancelled/i, {
    timeout: 30_000,
  });
  expect(await blocker.waitUntilDone()).toBe('cancelled');
  await page.screenshot({ path: `${SCREENSHOTS}/job-cancelled.png`, fullPage: true });
});
