import { expect, test } from '@playwright/test';
import { USERS, signIn } from './support/sign-in';

// An admin opens the setup check from the app bar and reads every check of the local stack;
// support staff are not offered it.

const TITLES = [
  'Sign-in token settings (authority and audience)',
  "Hub reachability and the proxy's rights",
  "Storage reachability and the proxy's rights",
  'Grants for the hub (SAS or user-delegation SAS)',
  'CORS on storage for browser uploads',
  "The hub identity's access to storage",
  "The proxy's clock",
  "The hub's job slot",
];

test('an admin runs the setup check from the app bar and sees no problem on the local stack', async ({
  page,
}) => {
  await signIn(page, USERS.admin);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Setup check' })
    .click();
  await expect(page).toHaveURL(/\/hubs\/[^/]+\/setup-check$/);
  await expect(page.getByRole('heading', { name: 'Setup check' })).toBeVisible();
  // Another journey's job may still hold the slot: a warning, never a problem.
  await expect(page.getByRole('status')).toContainText(/Every check passed|No problems/);
  for (const title of TITLES)
    await expect(page.getByRole('listitem', { name: title })).toBeVisible();
  await expect(
    page.getByRole('listitem', { name: 'CORS on storage for browser uploads' }),
  ).toContainText('OK');

  await page.getByRole('button', { name: 'Run again' }).click();
  await expect(page.getByRole('status')).toContainText(/Every check passed|No problems/);
});

test('support staff are not offered the setup check', async ({ page }) => {
  await signIn(page, USERS.support);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Jobs' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Setup check' })).toHaveCount(0);
});
