import { expect, type Page } from '@playwright/test';

/** Confirms with the phrase the page asks for, when it asks, then waits for the job to end. */
export async function confirmUploadAndComplete(page: Page): Promise<void> {
  const phrase = page.getByRole('alert').filter({ hasText: 'This import will' }).locator('strong');
  if ((await phrase.count()) > 0)
    await page.getByLabel('Type to confirm').fill((await phrase.first().textContent()) ?? '');
  await page.getByRole('button', { name: 'Upload and start import' }).click();
  await expect(page).toHaveURL(/\/jobs\/[^/]+$/, { timeout: 60_000 });
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText(/completed/i, {
    timeout: 90_000,
  });
}
