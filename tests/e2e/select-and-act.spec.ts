import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { confirmUploadAndComplete } from './support/confirm-and-complete';
import { exportWithKeys } from './support/export-with-keys';
import {
  createDevices,
  deviceExists,
  deviceIdentity,
  hubHostName,
  sendDeviceMessage,
} from './support/hub-checks';
import { SCREENSHOTS, USERS, appUrl, cachedAccessToken, signIn } from './support/sign-in';

// Select, then act (docs/bulk-flows.md): new keys made in the browser and downloaded once, a
// selection made by a hub query and one by staleness, delete and swap keys each undone by the
// backup's restore. Every action runs as an import with its plan.

const hubName = () => hubHostName().split('.')[0] ?? '';

/** Signs in, takes an export with keys and opens its registry browser filtered by `search`. */
async function openFilteredExport(
  page: Page,
  request: Parameters<typeof exportWithKeys>[0],
  search: string,
) {
  await signIn(page, USERS.admin);
  const token = await cachedAccessToken(page);
  const ref = await exportWithKeys(request, token);
  await page.goto(appUrl(`/exports/${encodeURIComponent(ref)}`));
  await page.getByLabel('Search device id').fill(search);
  return token;
}

async function act(page: Page, devices: number, action: string | RegExp): Promise<void> {
  const button = page.getByRole('button', { name: `Act on ${devices} devices` });
  await expect(button).toBeEnabled({ timeout: 30_000 });
  await button.click();
  await page.getByRole('menuitem', { name: action }).click();
}

async function planShown(page: Page) {
  const plan = page.getByRole('region', { name: `Plan against ${hubName()}` });
  await expect(plan.getByRole('list', { name: 'Plan counts' })).toBeVisible({ timeout: 30_000 });
  return plan;
}

/** The job page's Restore: the backup's undo file planned and imported. */
async function restoreFromJobPage(page: Page): Promise<void> {
  const restore = page.getByRole('button', { name: 'Restore' });
  await expect(restore).toBeVisible({ timeout: 30_000 });
  await restore.click();
  await expect(page).toHaveURL(/\/import/);
  await planShown(page);
  await confirmUploadAndComplete(page);
}

/** The CSV's cells as written: a formula-guarded cell loses its apostrophe (docs/csv-files.md). */
function keysOf(csv: string): Map<string, [string, string]> {
  const unguard = (cell: string) => (/^'[=+\-@]/.test(cell) ? cell.slice(1) : cell);
  const [header, ...rows] = csv.split('\r\n').filter(Boolean);
  expect(header).toBe('id,primaryKey,secondaryKey');
  return new Map(
    rows.map((row) => {
      const [id = '', primary = '', secondary = ''] = row.split(',').map(unguard);
      return [id, [primary, secondary]];
    }),
  );
}

test('new primary keys for 2 devices: downloaded once, then on the hub, and the job input is gone', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const ids = ['rekey-e2e-1', 'rekey-e2e-2'];
  await createDevices(ids);
  const before = await Promise.all(ids.map((id) => deviceIdentity(id)));
  const token = await openFilteredExport(page, request, 'rekey-e2e-');
  await act(page, 2, /New primary keys/);

  const dialog = page.getByRole('dialog', { name: 'Download the new keys first' });
  const next = dialog.getByRole('button', { name: 'Continue to the import' });
  await expect(next).toBeDisabled();
  await page.screenshot({ path: `${SCREENSHOTS}/registry-new-keys-dialog-1440.png` });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /^Download new-keys-/ }).click();
  const csv = await readFile(await (await downloading).path(), 'utf8');
  const keys = keysOf(csv);
  expect([...keys.keys()].sort()).toEqual(ids);
  // Once: the download is not offered again, and the keys are never on the page.
  await expect(dialog.getByRole('button', { name: 'Downloaded' })).toBeDisabled();
  for (const [primary] of keys.values()) await expect(page.getByText(primary)).toHaveCount(0);
  await next.click();

  await expect(page).toHaveURL(/\/import$/);
  await expect(page.getByText(/Give new primary keys to 2 identities/)).toBeVisible();
  await expect(
    page.getByText(/the proxy deletes this import file from storage when the job ends/),
  ).toBeVisible();
  await planShown(page);
  await expect(
    page.getByRole('alert').filter({ hasText: 'This import will' }).locator('strong').first(),
  ).toHaveText(`give 2 devices new keys in ${hubName()}`);
  await confirmUploadAndComplete(page);
  const jobRef = new URL(page.url()).pathname.split('/').pop() ?? '';

  const after = await Promise.all(ids.map((id) => deviceIdentity(id)));
  for (const [i, id] of ids.entries()) {
    expect(after[i]?.primaryKey).toBe(keys.get(id)?.[0]);
    expect(after[i]?.primaryKey).not.toBe(before[i]?.primaryKey);
    expect(after[i]?.secondaryKey).toBe(before[i]?.secondaryKey);
    expect(keys.get(id)?.[1]).toBe(before[i]?.secondaryKey);
  }
  // The input blob held the keys only while the job ran.
  await expect
    .poll(
      async () =>
        (
          await request.get(appUrl(`/api/jobs/${encodeURIComponent(jobRef)}/files/devices`), {
            headers: { authorization: `Bearer ${token}` },
          })
        ).status(),
      { timeout: 30_000 },
    )
    .toBe(404);
});

test('a hub query and a stale-device selection act on the devices the hub names', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const ids = ['stale-e2e-1', 'stale-e2e-2', 'stale-e2e-3'];
  await createDevices(ids);
  await sendDeviceMessage('stale-e2e-1');
  await openFilteredExport(page, request, 'stale-e2e-');
  await expect(page.getByRole('button', { name: 'Act on 3 devices' })).toBeEnabled({
    timeout: 30_000,
  });

  const panel = page.getByRole('region', { name: 'Select on the hub' });
  await panel.getByLabel('Hub query').fill('SELECT * FROM devices WHERE');
  await panel.getByRole('button', { name: 'Select on the hub' }).click();
  await expect(panel.getByRole('alert')).toContainText(/The hub refused the query\. IoT Hub: /);
  await panel
    .getByLabel('Hub query')
    .fill(
      "SELECT * FROM devices WHERE STARTSWITH(deviceId, 'stale-e2e-') AND deviceId != 'stale-e2e-3'",
    );
  await panel.getByRole('button', { name: 'Select on the hub' }).click();
  await expect(panel.getByRole('status')).toContainText('The hub selected 2 devices.');
  await expect(page.getByRole('button', { name: 'Act on 2 devices' })).toBeEnabled();
  await panel.getByRole('button', { name: 'Clear the hub selection' }).click();
  await expect(page.getByRole('button', { name: 'Act on 3 devices' })).toBeEnabled();

  const today = new Date().toISOString().slice(0, 10);
  await panel.getByRole('button', { name: 'No activity since' }).click();
  await panel.getByLabel('No activity since').fill(today);
  await expect(panel).toContainText("hub's record of device-to-cloud activity");
  const staleQuery = `SELECT * FROM devices WHERE lastActivityTime < '${today}T00:00:00Z'`;
  await expect(panel).toContainText(`Query: ${staleQuery}`);
  // By the time this journey runs, earlier ones have left hundreds of thousands of devices that
  // never sent a message, and a selection by the hub holds at most 10,000 of them: the stale
  // condition is narrowed to this journey's devices in the query box.
  await panel.getByRole('button', { name: 'Hub query' }).click();
  await panel.getByLabel('Hub query').fill(`${staleQuery} AND STARTSWITH(deviceId, 'stale-e2e-')`);
  await panel.getByRole('button', { name: 'Select on the hub' }).click();
  await expect(panel.getByRole('status')).toContainText('The hub selected 2 devices.');
  await page.screenshot({
    path: `${SCREENSHOTS}/registry-stale-selection-1440.png`,
    fullPage: true,
  });
  await act(page, 2, 'Disable');
  await expect(page).toHaveURL(/\/import$/);
  await expect(page.getByText(/lastActivityTime </).first()).toBeVisible();
  await planShown(page);
  await confirmUploadAndComplete(page);
  expect((await deviceIdentity('stale-e2e-1')).status).toBe('enabled');
  expect((await deviceIdentity('stale-e2e-2')).status).toBe('disabled');
  expect((await deviceIdentity('stale-e2e-3')).status).toBe('disabled');
});

test('deleting 2 filtered devices asks for the typed phrase, and the restore brings them back', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const ids = ['del-e2e-1', 'del-e2e-2'];
  await createDevices([...ids, 'keep-e2e-1']);
  const before = await Promise.all(ids.map((id) => deviceIdentity(id)));
  await openFilteredExport(page, request, 'del-e2e-');
  await act(page, 2, 'Delete');
  await expect(page).toHaveURL(/\/import$/);
  await planShown(page);
  const phrase = page.getByRole('alert').filter({ hasText: 'This import will' }).locator('strong');
  await expect(phrase.first()).toHaveText(`delete 2 devices in ${hubName()}`);
  await expect(page.getByRole('button', { name: 'Upload and start import' })).toBeDisabled();
  await confirmUploadAndComplete(page);
  for (const id of ids) expect(await deviceExists(id)).toBe(false);
  expect(await deviceExists('keep-e2e-1')).toBe(true);

  await restoreFromJobPage(page);
  const after = await Promise.all(ids.map((id) => deviceIdentity(id)));
  expect(after.map((d) => [d.primaryKey, d.secondaryKey])).toEqual(
    before.map((d) => [d.primaryKey, d.secondaryKey]),
  );
});

test('swapping the keys of 2 devices exchanges them, and the restore swaps them back', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const ids = ['swap-e2e-1', 'swap-e2e-2'];
  await createDevices(ids);
  const before = await Promise.all(ids.map((id) => deviceIdentity(id)));
  await openFilteredExport(page, request, 'swap-e2e-');
  await act(page, 2, 'Swap keys');
  await expect(page).toHaveURL(/\/import$/);
  await planShown(page);
  await confirmUploadAndComplete(page);
  const swapped = await Promise.all(ids.map((id) => deviceIdentity(id)));
  expect(swapped.map((d) => [d.primaryKey, d.secondaryKey])).toEqual(
    before.map((d) => [d.secondaryKey, d.primaryKey]),
  );

  await restoreFromJobPage(page);
  const after = await Promise.all(ids.map((id) => deviceIdentity(id)));
  expect(after.map((d) => [d.primaryKey, d.secondaryKey])).toEqual(
    before.map((d) => [d.primaryKey, d.secondaryKey]),
  );
});
