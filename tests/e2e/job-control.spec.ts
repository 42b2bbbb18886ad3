import { expect, test } from '@playwright/test';
import { startBlockerImport } from './support/blocker-job';
import { writeDeviceCsv } from './support/device-files';
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

test('the job page shows the command behind an import, for automation, with no secret', async ({
  page,
}) => {
  const csv = await writeDeviceCsv('show-command.csv', 'j7', 2);
  await signIn(page, USERS.admin);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Import' })
    .click();
  await page.getByLabel('Device list file').setInputFiles(csv.path);
  await expect(page.getByLabel('NDJSON preview')).toContainText('j7-000002');
  await page.getByRole('button', { name: 'Upload and start import' }).click();
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText(/completed/i, {
    timeout: 90_000,
  });

  await page.getByRole('button', { name: 'Show the command' }).click();
  const dialog = page.getByRole('dialog', { name: 'The command behind this job' });
  await expect(dialog).toContainText('az iot hub device-identity import --hub-name');
  await expect(dialog).toContainText('"inputBlobName": "input/devices.txt"');
  await expect(dialog).toContainText('<SAS token: sp=r,');
  await expect(dialog).not.toContainText('sig=');
  await expect(dialog.getByRole('button', { name: 'Copy the Azure CLI command' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/job-command.png` });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
