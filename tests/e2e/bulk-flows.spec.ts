import { expect, test, type Page } from '@playwright/test';
import { confirmUploadAndComplete } from './support/confirm-and-complete';
import { createDevices, deviceExists, deviceIdentity, hubHostName } from './support/hub-checks';
import { exportWithKeys } from './support/export-with-keys';
import { SCREENSHOTS, USERS, appUrl, cachedAccessToken, signIn } from './support/sign-in';

// The console's bulk flows (docs/bulk-flows.md): generated test devices and an action on a
// filtered selection, each handed to the import wizard and run as an import with its plan.

const hubName = () => hubHostName().split('.')[0] ?? '';
const WIDTHS = [1440, 800] as const;

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
}

test('25 generated devices with a pattern and a tag are planned as 25 creates and exist after the import', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, USERS.admin);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Generate' })
    .click();
  await page.getByLabel('Number of devices').fill('25');
  await page.getByLabel('Id pattern').fill('gen-e2e-{n:3}');
  await expect(page.getByText('First ids: gen-e2e-001, gen-e2e-002, gen-e2e-003')).toBeVisible();
  await page.getByRole('button', { name: 'Add a tag' }).click();
  await page.getByLabel('Tag 1 name').fill('site');
  await page.getByLabel('Tag 1 value').fill('lab');
  await shoot(page, 'generate-form');
  await page.getByLabel('Id pattern').fill('gen e2e');
  await expect(page.getByText(/one counter placeholder/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue to import' })).toBeDisabled();
  await page.getByLabel('Id pattern').fill('gen-e2e-{n:3}');
  await page.getByRole('button', { name: 'Continue to import' }).click();

  await expect(page).toHaveURL(/\/import$/);
  await expect(
    page.getByText(/25 test devices generated from pattern "gen-e2e-\{n:3\}"/),
  ).toBeVisible();
  const plan = page.getByRole('region', { name: `Plan against ${hubName()}` });
  const counts = plan.getByRole('list', { name: 'Plan counts' });
  await expect(counts).toBeVisible({ timeout: 30_000 });
  await expect(
    counts.getByRole('listitem').filter({ has: page.getByText('create', { exact: true }) }),
  ).toContainText('25');
  await shoot(page, 'generate-plan');
  await confirmUploadAndComplete(page);
  for (const id of ['gen-e2e-001', 'gen-e2e-013', 'gen-e2e-025'])
    expect(await deviceExists(id)).toBe(true);
  expect(await deviceExists('gen-e2e-026')).toBe(false);
});

test('disabling a filtered selection of 3 devices from an export leaves every key as it was', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const ids = ['act-e2e-1', 'act-e2e-2', 'act-e2e-3'];
  await createDevices([...ids, 'act-other-1']);
  const before = await Promise.all(ids.map((id) => deviceIdentity(id)));
  expect(before.every((device) => device.primaryKey && device.secondaryKey)).toBe(true);

  await signIn(page, USERS.admin);
  const ref = await exportWithKeys(request, await cachedAccessToken(page));
  await page.goto(appUrl(`/exports/${encodeURIComponent(ref)}`));
  await page.getByLabel('Search device id').fill('act-e2e-');
  const act = page.getByRole('button', { name: 'Act on 3 devices' });
  await expect(act).toBeEnabled({ timeout: 30_000 });
  await shoot(page, 'registry-act-filtered');
  await act.click();
  await expect(page.getByRole('menuitem', { name: 'Swap keys' })).toBeVisible();
  // The menu fades in: shoot it once it has.
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${SCREENSHOTS}/registry-act-menu-1440.png` });
  await page.getByRole('menuitem', { name: 'Disable' }).click();

  await expect(page).toHaveURL(/\/import$/);
  await expect(
    page.getByText(/Disable 3 identities of the snapshot .*ids containing "act-e2e-"/),
  ).toBeVisible();
  const plan = page.getByRole('region', { name: `Plan against ${hubName()}` });
  await expect(plan.getByRole('list', { name: 'Plan counts' })).toBeVisible({ timeout: 30_000 });
  // The rows carry the export's keys: the plan finds only the status changing, and no new keys.
  const changes = plan.getByRole('table', { name: 'Planned changes' }).getByRole('row');
  await expect(changes).toHaveCount(4);
  for (const id of ids)
    await expect(changes.filter({ hasText: id })).toHaveText(
      new RegExp(`${id}\\s*change\\s*status$`),
    );
  await expect(plan.getByText(/New keys for/)).toHaveCount(0);
  await shoot(page, 'registry-act-plan');
  await confirmUploadAndComplete(page);

  const after = await Promise.all(ids.map((id) => deviceIdentity(id)));
  expect(after.map((device) => device.status)).toEqual(['disabled', 'disabled', 'disabled']);
  expect(after.map((d) => [d.primaryKey, d.secondaryKey])).toEqual(
    before.map((d) => [d.primaryKey, d.secondaryKey]),
  );
  expect((await deviceIdentity('act-other-1')).status).toBe('enabled');
});

test('support sees neither the generate page nor the act menu', async ({
  page,
  browser,
  request,
}) => {
  await signIn(page, USERS.admin);
  const ref = await exportWithKeys(request, await cachedAccessToken(page));
  const context = await browser.newContext();
  const support = await context.newPage();
  await signIn(support, USERS.support);
  await expect(
    support.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exports' }),
  ).toBeVisible();
  await expect(
    support.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Generate' }),
  ).toHaveCount(0);
  await support.goto(appUrl(`/exports/${encodeURIComponent(ref)}`));
  await expect(support.getByText(/records? match|devices? and modules?/).first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(support.getByText('Keys are masked. Your role cannot reveal them.')).toBeVisible();
  await expect(support.getByRole('button', { name: /^Act on/ })).toHaveCount(0);
  await support.goto(appUrl('/generate'));
  await expect(support.getByText(/needs the Admin role/)).toBeVisible();
  await expect(support.getByRole('button', { name: 'Continue to import' })).toHaveCount(0);
  await context.close();
});
