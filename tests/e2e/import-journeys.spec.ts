import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { writeDeviceCsv } from './support/device-files';
import {
  createDevices,
  deviceExists,
  deviceIdentity,
  hubHostName,
  totalDeviceCount,
} from './support/hub-checks';
import { SCREENSHOTS, USERS, appUrl, cachedAccessToken, signIn } from './support/sign-in';

async function dropFile(page: Page, file: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Import' })
    .click();
  await page.getByLabel('Device list file').setInputFiles(file);
}

async function chooseDefaultMode(page: Page, mode: RegExp): Promise<void> {
  await page.getByLabel('Default import mode').click();
  await page.getByRole('option', { name: mode }).click();
}

async function uploadAndWaitForCompletion(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Upload and start import' }).click();
  await expect(page).toHaveURL(/\/jobs\/[^/]+$/, { timeout: 60_000 });
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText(/completed/i, {
    timeout: 90_000,
  });
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
}

test('an admin imports 1,000 rows with 10 invalid ones excluded and 990 devices are created', async ({
  page,
}) => {
  const invalidRows = [3, 50, 99, 100, 250, 400, 512, 777, 901, 1000];
  const csv = await writeDeviceCsv('thousand-rows.csv', 'j1', 1000, invalidRows);
  const before = await totalDeviceCount();

  await signIn(page, USERS.admin);
  await dropFile(page, csv.path);
  await expect(page.getByText('990', { exact: true }).first()).toBeVisible();
  const invalidTable = page.getByRole('table', { name: 'Invalid rows' });
  for (const line of csv.invalidLines.slice(0, 3))
    await expect(invalidTable.getByText(String(line), { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Upload and start import' })).toBeDisabled();
  await page.screenshot({ path: `${SCREENSHOTS}/import-review-invalid-rows.png`, fullPage: true });

  await page.getByLabel('Exclude invalid rows').check();
  await uploadAndWaitForCompletion(page);

  expect(await totalDeviceCount()).toBe(before + 990);
  for (const id of [csv.ids[0], csv.ids[500], csv.ids[989]])
    expect(await deviceExists(id ?? '')).toBe(true);
  expect(await deviceExists('j1 bad 3')).toBe(false);
});

test('create over existing devices lists the 409001 rows with their source lines, and a retry with createOrUpdate completes clean', async ({
  page,
  request,
}) => {
  const csv = await writeDeviceCsv('create-over-existing.csv', 'j2', 30);
  const existing = csv.ids.slice(0, 12);
  await createDevices(existing);
  const keysBefore = await deviceIdentity(existing[0] ?? '');

  await signIn(page, USERS.admin);
  await dropFile(page, csv.path);
  await chooseDefaultMode(page, /^create\b/);
  await uploadAndWaitForCompletion(page);

  await page.getByRole('link', { name: 'View errors' }).click();
  await expect(page).toHaveURL(/\/errors$/);
  const table = page.getByRole('table', { name: 'Import errors' });
  await expect(table.getByText('409001').first()).toBeVisible();
  await expect(table.getByText(existing[0] ?? '', { exact: true })).toBeVisible();
  // The first existing device is data row 1 of the file, i.e. line 2 below the header.
  await expect(table.getByText(`line 2: ${existing[0]}`)).toBeVisible();
  await expect(page.getByText(/already (exists|registered)/i).first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/import-errors-table.png`, fullPage: true });

  await page.getByRole('button', { name: 'Retry failed rows' }).click();
  await expect(page).toHaveURL(/\/import/);
  const preview = page.getByLabel('NDJSON preview');
  await expect(preview).toContainText(existing[0] ?? '');
  await chooseDefaultMode(page, /^createOrUpdate\b/);
  await expect(preview).toContainText('"importMode":"createOrUpdate"');
  expect((await preview.innerText()).trim().split('\n')).toHaveLength(existing.length);
  // The plan sees the 12 existing devices change (their tags) and keeps their keys: the typed
  // phrase names that consequence and the hub.
  const hubName = hubHostName().split('.')[0] ?? '';
  await expect(page.getByText(/12 devices keep their keys/)).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Type to confirm').fill(`change 12 devices in ${hubName}`);
  const retryJobId = await uploadAndWaitForCompletion(page);
  // A retry after 409001 rotates no key.
  expect((await deviceIdentity(existing[0] ?? '')).primaryKey).toBe(keysBefore.primaryKey);

  const token = await cachedAccessToken(page);
  const errors = await request.get(
    appUrl(`/api/jobs/${encodeURIComponent(retryJobId)}/files/errors`),
    {
      headers: { authorization: `Bearer ${token}` },
    },
  );
  expect(errors.status()).toBe(200);
  expect((await errors.text()).trim()).toBe('');
});

test("the failed rows come back in the file's own columns, and after a fix in a spreadsheet they import clean", async ({
  page,
}) => {
  // As Excel writes "CSV UTF-8" in a semicolon locale: BOM, CRLF, semicolons.
  const ids = ['jf-1', 'jf-2', 'jf-3', 'jf-4'];
  await createDevices(['jf-2', 'jf-4']);
  await mkdir('test-results/e2e-inputs', { recursive: true });
  const source = 'test-results/e2e-inputs/own-columns.csv';
  const rows = ids.map((id, index) => `${id};enabled;site-${index}`);
  await writeFile(source, `\uFEFFDevice ID;Status;Tag: site\r\n${rows.join('\r\n')}\r\n`);

  await signIn(page, USERS.admin);
  await dropFile(page, source);
  await chooseDefaultMode(page, /^create\b/);
  await uploadAndWaitForCompletion(page);
  await page.getByRole('link', { name: 'View errors' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download failed rows in your columns (CSV)' }).click();
  const saved = 'test-results/e2e-inputs/own-columns-failed.csv';
  await (await download).saveAs(saved);
  const bytes = await readFile(saved);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe('Device ID;Status;Tag: site;error');
  expect(lines.slice(1, 3).map((line) => line.split(';').slice(0, 3).join(';'))).toEqual([
    'jf-2;enabled;site-1',
    'jf-4;enabled;site-3',
  ]);
  expect(lines[1]).toContain('409001');

  // The fix an admin makes in the spreadsheet: new ids for the two that clashed.
  const fixed = 'test-results/e2e-inputs/own-columns-fixed.csv';
  await writeFile(
    fixed,
    bytes.toString('utf8').replaceAll('jf-2;', 'jf-2b;').replaceAll('jf-4;', 'jf-4b;'),
  );
  await dropFile(page, fixed);
  await chooseDefaultMode(page, /^create\b/);
  await uploadAndWaitForCompletion(page);
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText('Completed', {
    timeout: 30_000,
  });
  expect(await deviceExists('jf-2b')).toBe(true);
  expect(await deviceExists('jf-4b')).toBe(true);
});

test('a support user opens a job by deep link, reads its errors, and cannot import', async ({
  page,
  browser,
  request,
}) => {
  const csv = await writeDeviceCsv('support-deep-link.csv', 'j3', 5);
  await createDevices(csv.ids.slice(0, 2));

  await signIn(page, USERS.admin);
  await dropFile(page, csv.path);
  await chooseDefaultMode(page, /^create\b/);
  const jobId = await uploadAndWaitForCompletion(page);

  const supportContext = await browser.newContext();
  const support = await supportContext.newPage();
  await signIn(support, USERS.support);
  await support.goto(appUrl(`/jobs/${encodeURIComponent(jobId)}/errors`));
  const table = support.getByRole('table', { name: 'Import errors' });
  await expect(table.getByText(csv.ids[0] ?? '', { exact: true })).toBeVisible();
  await expect(table.getByText('409001').first()).toBeVisible();
  await expect(
    support.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }),
  ).toHaveCount(0);
  await expect(support.getByRole('button', { name: 'Retry failed rows' })).toHaveCount(0);
  await support.screenshot({ path: `${SCREENSHOTS}/support-errors.png`, fullPage: true });

  await support.goto(appUrl(`/jobs/${encodeURIComponent(jobId)}`));
  await expect(support.getByRole('status', { name: 'Job status' })).toHaveText(/completed/i);
  await expect(support.getByRole('button', { name: 'Cancel job' })).toHaveCount(0);

  const token = await cachedAccessToken(support);
  const refused = await request.delete(appUrl(`/api/jobs/${encodeURIComponent(jobId)}`), {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(refused.status()).toBe(403);
  await supportContext.close();
});

test('a job in which the hub refused every row is shown as failed, on the job page, the list and the overview', async ({
  page,
}) => {
  const csv = await writeDeviceCsv('all-refused.csv', 'j15', 15);
  await createDevices(csv.ids);

  await signIn(page, USERS.admin);
  await dropFile(page, csv.path);
  await chooseDefaultMode(page, /^create\b/);
  await page.getByRole('button', { name: 'Upload and start import' }).click();
  await expect(page).toHaveURL(/\/jobs\/[^/]+$/, { timeout: 60_000 });
  const status = page.getByRole('status', { name: 'Job status' });
  await expect(status).toHaveText('Failed: every row was refused', { timeout: 90_000 });
  await expect(page.getByText('Every row was refused.')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/job-all-refused.png`, fullPage: true });

  const jobRef = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
  await page.goto(appUrl('/jobs'));
  const jobs = page.getByRole('table', { name: 'Jobs' });
  const row = jobs.getByRole('row').filter({ hasText: 'all-refused.csv' }).first();
  await expect(row.getByText('Failed: every row was refused')).toBeVisible();
  await expect(row.getByRole('link', { name: /errors of job/i })).toHaveText('15 errors');
  expect(jobRef).not.toBe('');

  // The overview is home: the product name leads there, and it names the hub and its size.
  await page.getByRole('link', { name: /hub overview/i }).click();
  const hubName = hubHostName().split('.')[0] ?? '';
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(hubName);
  await expect(page.getByRole('banner').getByText(hubName, { exact: true })).toBeVisible();
  const counts = page.getByRole('region', { name: 'Device counts' });
  await expect(counts).toContainText(
    `Devices${(await totalDeviceCount()).toLocaleString('en-US')}`,
  );
  // Edge devices and modules by registry query; the dev stack names the emulator's cap.
  await expect(counts).toContainText(/Edge devices\d/);
  await expect(counts).toContainText(/Modules\d/);
  await expect(counts).toContainText('of 1,000,000 allowed');
  const latest = page.getByRole('table', { name: 'Latest operations' });
  const latestRow = latest.getByRole('row').filter({ hasText: 'all-refused.csv' }).first();
  await expect(latestRow.getByText('Failed: every row was refused')).toBeVisible();
  await expect(page.getByLabel('Job slot')).toContainText('The job slot is free');
  await page.screenshot({ path: `${SCREENSHOTS}/overview-admin.png`, fullPage: true });
});

test('a delete is confirmed by typing its count and the hub name, and removes exactly those devices', async ({
  page,
}) => {
  const csv = await writeDeviceCsv('delete-three.csv', 'jdel', 3);
  await createDevices(csv.ids);
  const hubName = hubHostName().split('.')[0] ?? '';

  await signIn(page, USERS.admin);
  await dropFile(page, csv.path);
  // Key options chosen for a create leave nothing in a delete's file once the mode changes.
  await page.getByRole('radio', { name: 'Generate keys here' }).check();
  await page.getByRole('radio', { name: 'Generate the missing key here' }).check();
  await chooseDefaultMode(page, /^delete\b/);
  await expect(page.getByText('A delete needs only the ids')).toBeVisible();
  await expect(page.getByLabel('Default status')).toHaveCount(0);
  await expect(page.getByText('Rows with only one key')).toHaveCount(0);
  await expect(page.getByText('Keys for SAS devices without keys')).toHaveCount(0);
  const preview = page.getByLabel('NDJSON preview');
  await expect(preview).toContainText('"importMode":"delete"');
  // The hub wants a status on every line (docs/import-wizard.md); nothing else but the id.
  expect((await preview.innerText()).trim().split('\n')).toEqual(
    csv.ids.map((id) => JSON.stringify({ id, importMode: 'delete', status: 'enabled' })),
  );
  await page.screenshot({
    path: `${SCREENSHOTS}/import-delete-options-hidden.png`,
    fullPage: true,
  });
  const phrase = `delete 3 devices in ${hubName}`;
  await expect(page.getByText(`This import will ${phrase}.`, { exact: false })).toBeVisible();
  const upload = page.getByRole('button', { name: 'Upload and start import' });
  await page.getByLabel('Type to confirm').fill('delete 3 devices');
  await expect(upload).toBeDisabled();
  await page.getByLabel('Type to confirm').fill(phrase);
  await expect(upload).toBeEnabled();

  // A change of option reads the file again: the outcome on screen stays (marked updating, Upload
  // waiting) instead of emptying the page, and the typed phrase, which the change leaves as it
  // was, survives. Recorded in the page: a 3-row file is read again in a few milliseconds.
  await page.getByLabel('Type to confirm').evaluate((input) => {
    const preview = document.querySelector('pre[aria-label="NDJSON preview"]');
    const seen = { updating: false, previewRemoved: false, confirmRemoved: false };
    (window as unknown as { __reconvert: typeof seen }).__reconvert = seen;
    new MutationObserver(() => {
      if (!preview?.isConnected) seen.previewRemoved = true;
      if (!input.isConnected) seen.confirmRemoved = true;
      for (const status of document.querySelectorAll('[role="status"]'))
        if (status.textContent?.includes('Updating…')) seen.updating = true;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByLabel('Trim spaces around ids').check();
  const seen = () =>
    page.evaluate(
      () =>
        (
          window as unknown as {
            __reconvert: { updating: boolean; previewRemoved: boolean; confirmRemoved: boolean };
          }
        ).__reconvert,
    );
  await expect.poll(async () => (await seen()).updating).toBe(true);
  await expect(page.getByText('Updating…')).toHaveCount(0);
  expect(await seen()).toEqual({ updating: true, previewRemoved: false, confirmRemoved: false });
  await expect(page.getByLabel('Type to confirm')).toHaveValue(phrase);
  await expect(upload).toBeEnabled();

  await uploadAndWaitForCompletion(page);
  for (const id of csv.ids) expect(await deviceExists(id), id).toBe(false);
});

test('a semicolon Excel export with Tag: columns and one key per row imports without editing', async ({
  page,
}) => {
  const key = (n: number) => Buffer.alloc(32, n).toString('base64');
  const lines = [
    'Device ID;Status;Auth;Primary Key;Tag: building;Tag: floor;desired.telemetryInterval',
    ...Array.from({ length: 5 }, (_, i) => `xl-${i};enabled;sas;${key(i + 1)};B${i};${i};30`),
  ];
  await mkdir('test-results/e2e-inputs', { recursive: true });
  const file = 'test-results/e2e-inputs/excel-export.csv';
  await writeFile(file, lines.join('\r\n') + '\r\n');

  await signIn(page, USERS.admin);
  await dropFile(page, file);
  const mapping = page.getByRole('table', { name: 'Column mapping' });
  await expect(mapping.getByLabel('Field for Tag: building')).toHaveText('tags.building');
  await expect(mapping.getByLabel('Field for Auth')).toHaveText('authType');
  await expect(mapping.getByText(key(1))).toHaveCount(0);
  await page.getByRole('radio', { name: 'Generate the missing key here' }).check();
  await chooseDefaultMode(page, /^create\b/);
  await expect(page.getByRole('button', { name: 'Upload and start import' })).toBeEnabled({
    timeout: 30_000,
  });
  await page.screenshot({ path: `${SCREENSHOTS}/import-excel-export.png`, fullPage: true });
  await uploadAndWaitForCompletion(page);
  for (let i = 0; i < 5; i++) expect(await deviceExists(`xl-${i}`)).toBe(true);
});

test('disabling a device by file keeps its keys: the plan writes them into the row and says so', async ({
  page,
}) => {
  await createDevices(['keep-1', 'keep-2']);
  const before = await deviceIdentity('keep-1');
  expect(before.primaryKey).not.toBeNull();
  const hubName = hubHostName().split('.')[0] ?? '';
  await mkdir('test-results/e2e-inputs', { recursive: true });
  const file = 'test-results/e2e-inputs/disable-one.csv';
  await writeFile(file, 'Device ID;Status\r\nkeep-1;disabled\r\nkeep-2;enabled\r\n');

  await signIn(page, USERS.admin);
  await dropFile(page, file);
  await chooseDefaultMode(page, /^update\b/);
  // The file is converted again with the new mode; the plan that follows is the one to check.
  await expect(page.getByLabel('NDJSON preview')).toContainText('"importMode":"update"');
  const plan = page.getByRole('region', { name: `Plan against ${hubName}` });
  await expect(plan.getByText(/1 device keeps its keys/)).toBeVisible({ timeout: 30_000 });
  const changes = page.getByRole('table', { name: 'Planned changes' });
  await expect(changes.getByRole('row').filter({ hasText: 'keep-1' })).toContainText(
    'keys kept from the registry',
  );
  // keep-2 changes nothing: it is left out of the job file.
  await expect(plan).toContainText('1 row will be sent; 1 unchanged row is left out');
  // At 1440x900 the plan and Upload stay in view beside the steps, without scrolling.
  await page.setViewportSize({ width: 1440, height: 900 });
  // Scrolled down to the data, as an admin checking the mapping would be: Upload stays in view.
  await page.evaluate(() => window.scrollTo(0, 600));
  await expect(page.getByRole('button', { name: 'Upload and start import' })).toBeInViewport();
  await page.screenshot({ path: `${SCREENSHOTS}/plan-keys-kept-1440.png` });
  await page.setViewportSize({ width: 800, height: 900 });
  await page.screenshot({ path: `${SCREENSHOTS}/plan-keys-kept-800.png`, fullPage: true });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'the import page at 800 px overflows sideways').toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByLabel('Type to confirm').fill(`change 1 device in ${hubName}`);
  await uploadAndWaitForCompletion(page);

  const after = await deviceIdentity('keep-1');
  expect(after.status).toBe('disabled');
  expect(after.primaryKey).toBe(before.primaryKey);
  expect(after.secondaryKey).toBe(before.secondaryKey);

  // After the job the console checks the hub did what the plan said.
  await expect(
    page.getByText('The outcome matches the plan: 1 row sent, none differs.'),
  ).toBeVisible({
    timeout: 30_000,
  });
  // A clean job has no errors to view: no link to an empty page. The job ran the plan's one line.
  await expect(page.getByRole('link', { name: 'View errors' })).toHaveCount(0);
  await expect(page.getByText('1 device processed')).toBeVisible();
  // The way back is one click: the undo file opens in the wizard with a plan of its own.
  const restore = page.getByRole('button', { name: 'Restore' });
  await expect(restore).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: `${SCREENSHOTS}/job-backup-kept.png`, fullPage: true });
  await restore.click();
  await expect(page).toHaveURL(/\/import/);
  await expect(page.getByText(/Restoring the devices job/)).toBeVisible();
  const restorePlan = page.getByRole('region', { name: `Plan against ${hubName}` });
  await expect(restorePlan.getByRole('list', { name: 'Plan counts' })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByLabel('Type to confirm').fill(`change 1 device in ${hubName}`);
  await uploadAndWaitForCompletion(page);
  const restored = await deviceIdentity('keep-1');
  expect(restored).toEqual(before);
});

test('regenerating keys is an explicit choice in the plan, with its own typed phrase', async ({
  page,
}) => {
  await createDevices(['rotate-1']);
  const before = await deviceIdentity('rotate-1');
  const hubName = hubHostName().split('.')[0] ?? '';
  await mkdir('test-results/e2e-inputs', { recursive: true });
  const file = 'test-results/e2e-inputs/rotate-one.csv';
  await writeFile(file, 'Device ID;Status\r\nrotate-1;disabled\r\n');

  await signIn(page, USERS.admin);
  await dropFile(page, file);
  await chooseDefaultMode(page, /^update\b/);
  await expect(page.getByLabel('NDJSON preview')).toContainText('"importMode":"update"');
  const plan = page.getByRole('region', { name: `Plan against ${hubName}` });
  await expect(plan.getByText(/1 device keeps its keys/)).toBeVisible({ timeout: 30_000 });

  await plan.getByRole('checkbox', { name: /Regenerate the keys of this device instead/ }).check();
  await expect(plan.getByText('New keys for 1 device')).toBeVisible({ timeout: 30_000 });
  await expect(plan.getByText(/keeps its keys/)).toHaveCount(0);
  // The phrase names the consequence: the one it asked before no longer unlocks Upload.
  const upload = page.getByRole('button', { name: 'Upload and start import' });
  await page.getByLabel('Type to confirm').fill(`change 1 device in ${hubName}`);
  await expect(upload).toBeDisabled();
  await page
    .getByLabel('Type to confirm')
    .fill(`change 1 device and give 1 device new keys in ${hubName}`);
  await page.screenshot({ path: `${SCREENSHOTS}/plan-regenerate-keys.png`, fullPage: true });
  await uploadAndWaitForCompletion(page);

  const after = await deviceIdentity('rotate-1');
  expect(after.status).toBe('disabled');
  expect(after.primaryKey).not.toBe(before.primaryKey);
  expect(after.secondaryKey).not.toBe(before.secondaryKey);
});
