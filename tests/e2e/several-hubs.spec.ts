import { expect, test, type Page } from '@playwright/test';
import { hubRequest } from '../support/hub-rest';
import { writeDeviceCsv } from './support/device-files';
import { SCREENSHOTS, USERS, appUrl, cachedAccessToken, signIn } from './support/sign-in';

// Two emulator hubs behind one console: what is done on hub B stays on hub B, the URL says which
// hub a page shows, and a user with a role on one hub only never reaches the other.

const HUB_A = { id: 'hub-a', displayName: 'Local hub A' };
const HUB_B = { id: 'hub-b', displayName: 'Local hub B' };
function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: global-setup did not start the stack`);
  return value;
}

const picker = (page: Page) => page.getByRole('button', { name: /, change hub$/ });

async function pickHub(page: Page, displayName: string): Promise<void> {
  await picker(page).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${displayName}`) }).click();
  await expect(picker(page)).toHaveAccessibleName(new RegExp(`^${displayName}\\b`));
}

async function deviceStatus(connectionString: string, id: string): Promise<number> {
  const response = await hubRequest(
    connectionString,
    env('E2E_CA_CERT_PEM'),
    'GET',
    `/devices/${encodeURIComponent(id)}`,
  );
  return response.status;
}

test('an admin imports into hub B: hub A never shows it, the URL and a reload keep hub B', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, USERS.admin);
  await expect(page).toHaveURL(/\/hubs\/hub-a\/$/);

  await picker(page).click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem')).toHaveCount(2);
  await expect(menu.getByRole('menuitem', { name: /^Local hub A/ })).toContainText('Admin');
  await expect(menu.getByRole('menuitem', { name: /^Local hub B/ })).toContainText('Admin');
  await page.keyboard.press('Escape');

  await pickHub(page, HUB_B.displayName);
  await expect(page).toHaveURL(/\/hubs\/hub-b\/$/);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Import' })
    .click();
  await expect(page).toHaveURL(/\/hubs\/hub-b\/import$/);
  const csv = await writeDeviceCsv('several-hubs.csv', `hubb-${Date.now()}`, 3);
  await page.getByLabel('Device list file').setInputFiles(csv.path);
  await expect(page.getByLabel('NDJSON preview')).toContainText(csv.ids[2] ?? '');
  await page.getByRole('button', { name: 'Upload and start import' }).click();
  await expect(page).toHaveURL(/\/hubs\/hub-b\/jobs\/[^/]+$/, { timeout: 60_000 });
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText(/completed/i, {
    timeout: 90_000,
  });
  const jobUrl = page.url();

  // A reload keeps hub B: the URL names it.
  await page.reload();
  await expect(page).toHaveURL(jobUrl);
  await expect(picker(page)).toHaveAccessibleName(/^Local hub B\b/);
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText(/completed/i);

  // The devices are on hub B and not on hub A.
  for (const id of csv.ids) {
    expect(await deviceStatus(env('E2E_HUB_B_CONNECTION_STRING'), id), `${id} on B`).toBe(200);
    expect(await deviceStatus(env('E2E_HUB_CONNECTION_STRING'), id), `${id} on A`).toBe(404);
  }

  // Hub B's jobs list shows the import; switching from the job page opens hub A's jobs list,
  // which does not.
  await page.goto(appUrl('/jobs'));
  await expect(page).toHaveURL(/\/hubs\/hub-b\/jobs$/);
  const jobs = page.getByRole('table', { name: 'Jobs' });
  await expect(jobs.getByRole('row').filter({ hasText: 'several-hubs.csv' })).not.toHaveCount(0);
  await page.goto(jobUrl);
  await pickHub(page, HUB_A.displayName);
  await expect(page).toHaveURL(/\/hubs\/hub-a\/jobs$/);
  // Loaded: hub A's list, or its word for no jobs when this journey runs alone.
  await expect(jobs.or(page.getByText(/^No operations yet/))).toBeVisible();
  await expect(page.getByText('several-hubs.csv')).toHaveCount(0);

  // Hub B's job is not reachable through hub A's URL.
  const jobId = new URL(jobUrl).pathname.split('/').pop() ?? '';
  await page.goto(appUrl(`/hubs/hub-a/jobs/${jobId}`));
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveCount(0);
  await expect(page.getByRole('alert')).toBeVisible();
});

test('an admin of hub A only sees hub A and cannot open hub B', async ({ page, request }) => {
  await signIn(page, USERS.adminA);
  await picker(page).click();
  const items = page.getByRole('menu').getByRole('menuitem');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(HUB_A.displayName);
  await page.keyboard.press('Escape');

  await page.goto(appUrl('/hubs/hub-b/jobs'));
  await expect(
    page.getByRole('heading', { name: /^You have no role on Local hub B/ }),
  ).toBeVisible();
  await page.getByRole('button', { name: /^Local hub A/ }).click();
  await expect(page).toHaveURL(/\/hubs\/hub-a\/jobs$/);

  const token = await cachedAccessToken(page);
  const response = await request.get(appUrl('/api/hubs/hub-b/jobs'), {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status()).toBe(403);
});

test('an unknown hub in the URL says so and offers the hubs there are', async ({ page }) => {
  await signIn(page, USERS.admin);
  await page.goto(appUrl('/hubs/no-such-hub/exports'));
  await expect(
    page.getByRole('heading', { name: 'No hub named “no-such-hub” in this console' }),
  ).toBeVisible();
  await page.getByRole('button', { name: /^Local hub B/ }).click();
  await expect(page).toHaveURL(/\/hubs\/hub-b\/exports$/);
});

for (const who of ['admin', 'support'] as const) {
  test(`the hub picker stays on one line, light and dark, at 1440 and 800 px (${who})`, async ({
    page,
  }) => {
    await signIn(page, USERS[who]);
    for (const mode of ['light', 'dark'] as const) {
      if (mode === 'dark') await page.getByRole('button', { name: 'Toggle dark mode' }).click();
      for (const width of [1440, 800] as const) {
        await page.setViewportSize({ width, height: 900 });
        const bar = page.getByRole('banner');
        // One line: the bar keeps the height of one toolbar row and nothing sticks out of it.
        expect((await bar.boundingBox())?.height ?? 0).toBeLessThanOrEqual(64);
        const overflow = await bar.evaluate((element) => element.scrollWidth - element.clientWidth);
        expect(overflow, `the app bar at ${width}px`).toBeLessThanOrEqual(0);
        await picker(page).click();
        await expect(page.getByRole('menu')).toBeVisible();
        await page.screenshot({ path: `${SCREENSHOTS}/hub-picker-${who}-${mode}-${width}.png` });
        await page.keyboard.press('Escape');
      }
    }
  });
}
