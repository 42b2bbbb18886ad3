import { expect, test } from '@playwright/test';
import { writeDeviceCsv } from './support/device-files';
import { createDevices, deviceExists } from './support/hub-checks';
import { SCREENSHOTS, USERS, signIn } from './support/sign-in';

// A chunked import (docs/import-wizard.md, "Import in chunks"): 15 devices in 3 chunks of 5, the
// second planted to fail above the stop rule, so the run stops before the third; the remaining
// chunk is shown stopped with the reason, and "Resume from chunk 3" imports it. The failure: 4 of
// the second chunk's devices are created at the hub after the plan found none of them (an import
// that changes devices keeps a backup and is never split), so their creates fail with 409001.

test('a run of 3 chunks stops when the second fails above the limit, and resumes', async ({
  page,
}) => {
  const csv = await writeDeviceCsv('chunked.csv', 'ck', 15);

  await signIn(page, USERS.admin);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Import' })
    .click();
  await page.getByLabel('Device list file').setInputFiles(csv.path);
  await expect(page.getByLabel('NDJSON preview')).toContainText(csv.ids.at(-1) ?? '');
  await page.getByLabel('Default import mode').click();
  await page.getByRole('option', { name: /^create\b/ }).click();
  await page.getByRole('checkbox', { name: 'Import in chunks' }).check();
  await page.getByLabel('Devices per chunk').fill('5');
  await page.getByLabel('Stop if more than this % of a chunk fails').fill('50');
  const upload = page.getByRole('button', { name: 'Upload and queue in chunks' });
  // Enabled once the plan is made: 15 new devices, nothing to keep a backup of.
  await expect(upload).toBeEnabled({ timeout: 30_000 });
  await createDevices(csv.ids.slice(5, 9));
  await upload.click();
  await expect(page).toHaveURL(/\/runs\/[a-z2-7]{20}$/, { timeout: 60_000 });

  const status = page.getByRole('status', { name: 'Run status' });
  await expect(status).toHaveText('Stopped', { timeout: 90_000 });
  const stopped = page.getByRole('alert').filter({ hasText: 'Stopped before chunk 3' });
  await expect(stopped).toContainText('More than 50% of chunk 2 failed: 4 of 5 rows (80%).');
  const chunks = page.getByRole('table', { name: 'Chunks' });
  await expect(chunks.getByRole('row')).toHaveCount(4);
  await expect(chunks.getByRole('row').nth(3)).toContainText('Stopped');
  await expect(chunks.getByRole('row').nth(2)).toContainText('4 errors (80%)');
  expect(await deviceExists(csv.ids[10] ?? '')).toBe(false);
  await page.screenshot({ path: `${SCREENSHOTS}/chunked-import-stopped.png`, fullPage: true });

  // The second chunk's errors are that chunk's own import-errors page.
  await chunks.getByRole('link', { name: '4 errors (80%)' }).click();
  await expect(page).toHaveURL(/\/errors$/);
  await expect(
    page.getByRole('table', { name: 'Import errors' }).getByText('409001').first(),
  ).toBeVisible();
  await page.goBack();

  await stopped.getByRole('button', { name: 'Resume from chunk 3' }).click();
  await expect(status).toHaveText('Completed', { timeout: 90_000 });
  await expect(chunks.getByRole('row').nth(3)).toContainText('Completed');
  for (const id of [...csv.ids.slice(0, 5), ...csv.ids.slice(10)])
    expect(await deviceExists(id)).toBe(true);
});
