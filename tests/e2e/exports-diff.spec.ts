import { mkdir, writeFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { hubRequest } from '../support/hub-rest';
import { createDevices, hubHostName, totalDeviceCount } from './support/hub-checks';
import { SCREENSHOTS, USERS, appUrl, signIn } from './support/sign-in';

async function runExport(page: Page): Promise<void> {
  await page.goto(appUrl('/exports'));
  await page.getByRole('button', { name: 'Start export' }).click();
  await expect(page.getByRole('status', { name: 'Export status' })).toHaveText(/completed/i, {
    timeout: 90_000,
  });
}

async function summaryCount(summary: Locator, label: string): Promise<number> {
  // Exact label: "Changed" must not match "Unchanged".
  const row = summary
    .locator('div')
    .filter({ has: summary.page().locator('dt strong', { hasText: new RegExp(`^${label}$`) }) })
    .last();
  return Number((await row.locator('dd').innerText()).replace(/[^0-9]/g, ''));
}

async function primaryKeyOf(id: string): Promise<string> {
  const response = await hubRequest(
    process.env.E2E_HUB_CONNECTION_STRING ?? '',
    process.env.E2E_CA_CERT_PEM ?? '',
    'GET',
    `/devices/${id}`,
  );
  const key = (response.body as { authentication?: { symmetricKey?: { primaryKey?: string } } })
    .authentication?.symmetricKey?.primaryKey;
  if (!key) throw new Error(`device ${id} has no primary key`);
  return key;
}

test('export, change devices through an import, export again: the diff shows exactly those changes and plans the way back', async ({
  page,
}) => {
  await createDevices(['ed-1', 'ed-2', 'ed-3']);
  await signIn(page, USERS.admin);
  await runExport(page);

  const csv = 'test-results/e2e-inputs/exports-diff-changes.csv';
  await mkdir('test-results/e2e-inputs', { recursive: true });
  await writeFile(
    csv,
    'deviceId,status,tags.site\ned-1,disabled,\ned-2,enabled,moved-site\ned-9,enabled,new-site\n',
  );
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Import' })
    .click();
  await page.getByLabel('Device list file').setInputFiles(csv);
  await expect(page.getByLabel('NDJSON preview')).toContainText('ed-9');
  // ed-1 and ed-2 exist: changing them is createOrUpdate, which is never the default.
  await page.getByLabel('Default import mode').click();
  await page.getByRole('option', { name: /^createOrUpdate\b/ }).click();
  await expect(page.getByLabel('NDJSON preview')).toContainText('"importMode":"createOrUpdate"');
  // The plan sees ed-1 and ed-2 change: the consequence is confirmed by typing it, with the hub.
  const hubName = hubHostName().split('.')[0] ?? '';
  await page.getByLabel('Type to confirm').fill(`change 2 devices in ${hubName}`);
  await page.getByRole('button', { name: 'Upload and start import' }).click();
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText(/completed/i, {
    timeout: 60_000,
  });

  const devicesInSecondExport = await totalDeviceCount();
  await runExport(page);
  // The proxy counts the snapshot in the background; the newest export is the list's first row.
  const devicesCell = page
    .getByRole('table', { name: 'Past exports' })
    .getByRole('row')
    .nth(1)
    .getByRole('cell')
    .nth(4);
  await expect(devicesCell).toHaveText(devicesInSecondExport.toLocaleString('en-US'), {
    timeout: 30_000,
  });
  await page.screenshot({ path: `${SCREENSHOTS}/exports-list.png`, fullPage: true });
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/\/diff\?/);
  const summary = page.getByRole('region', { name: 'Diff summary' });
  await expect(summary).toBeVisible({ timeout: 60_000 });
  // A is before (the first export), B after: the import added ed-9 and changed ed-1 (status) and
  // ed-2 (a tag).
  expect(await summaryCount(summary, 'Added')).toBe(1);
  expect(await summaryCount(summary, 'Removed')).toBe(0);
  expect(await summaryCount(summary, 'Changed')).toBe(2);
  const changes = page.getByRole('table', { name: 'Changes' });
  await expect(changes.getByText('ed-9', { exact: true })).toBeVisible();
  await expect(changes.getByRole('row').filter({ hasText: 'ed-1' })).toContainText(/status/i);
  await expect(changes.getByRole('row').filter({ hasText: 'ed-2' })).toContainText(/site/i);
  await page.screenshot({ path: `${SCREENSHOTS}/diff.png`, fullPage: true });

  // The way back: delete what the import added, restore what it changed.
  await page.getByRole('button', { name: 'Make the hub like A' }).click();
  await expect(page).toHaveURL(/\/import/);
  const preview = page.getByLabel('NDJSON preview');
  await expect(preview).toContainText('ed-9');
  const lines = (await preview.innerText())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; importMode: string });
  const modes = Object.fromEntries(lines.map((line) => [line.id, line.importMode]));
  expect(modes).toEqual({ 'ed-9': 'delete', 'ed-1': 'createOrUpdate', 'ed-2': 'updateTwin' });
});

test('a support user runs a keys-excluded export and a diff and never sees a key', async ({
  page,
}) => {
  const key = await primaryKeyOf('ed-1');
  await signIn(page, USERS.support);
  await page.goto(appUrl('/exports'));
  await expect(page.getByLabel('Include keys')).toHaveCount(0);
  await runExport(page);

  await page.getByRole('link', { name: 'Browse', exact: true }).first().click();
  // The heading says which hub the snapshot is of and when it was taken ("27 Nov 2026, 10:00:00").
  const hubName = (hubHostName().split('.')[0] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  expect(hubName).not.toBe('');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    new RegExp(`^Snapshot of ${hubName} taken \\d{1,2} \\w{3,4} \\d{4}, \\d{2}:\\d{2}:\\d{2}$`),
  );
  await page.getByLabel('Search device id').fill('ed-1');
  await expect(page.getByRole('table').getByText('ed-1', { exact: true })).toBeVisible({
    timeout: 60_000,
  });
  expect(await page.content()).not.toContain(key);
  await page.screenshot({ path: `${SCREENSHOTS}/support-registry.png`, fullPage: true });

  await page.goto(appUrl('/exports'));
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByRole('region', { name: 'Diff summary' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Make the hub like A' })).toHaveCount(0);
  expect(await page.content()).not.toContain(key);
});
