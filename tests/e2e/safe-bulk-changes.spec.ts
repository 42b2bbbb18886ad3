import { mkdir, writeFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { diffRegistries } from '../../src/core/diff/diff-registries';
import { parseRegistryText } from '../../src/core/registry/build-registry-snapshot';
import { seriousViolations } from './support/axe-violations';
import { writeDeviceCsv } from './support/device-files';
import { createDevices, deviceExists, deviceIdentity, hubHostName } from './support/hub-checks';
import { exportedDevices, exportWithKeys } from './support/export-with-keys';
import { SCREENSHOTS, USERS, cachedAccessToken, signIn } from './support/sign-in';

// The plan and undo end to end (docs/plan-and-undo.md): a mixed import is planned, applied and restored, and the registry then
// diffs empty against an export taken before it; a file over the lookup limit is planned from an
// export with keys, fresh or recent.

const INPUTS = 'test-results/e2e-inputs';

// The proxy's CSP allows scripts from 'self' only, which would also block the injected axe-core.
test.use({ bypassCSP: true });
const hubName = () => hubHostName().split('.')[0] ?? '';

async function dropFile(page: Page, file: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Import' })
    .click();
  await page.getByLabel('Device list file').setInputFiles(file);
}

async function uploadAndWaitForCompletion(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Upload and start import' }).click();
  await expect(page).toHaveURL(/\/jobs\/[^/]+$/, { timeout: 60_000 });
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText(/completed/i, {
    timeout: 90_000,
  });
}

/** An export with keys through the proxy, as the console takes it; its devices.txt as text. */
async function exportWithKeysText(request: APIRequestContext, token: string): Promise<string> {
  return exportedDevices(request, token, await exportWithKeys(request, token));
}

/** What the plan says once it has read the registry from an export, fresh or recent. */
const READ_FROM_EXPORT = /Registry read (just now|\d+ min ago) from (a fresh )?export /;

/** Over the proxy's real lookup limit (1,000 devices, docs/plan-and-undo.md): a large file. */
const LARGE = 1050;

test('a file over the lookup limit is planned from a fresh export with keys, then from that recent export by itself, until an import makes it stale', async ({
  page,
}) => {
  test.setTimeout(420_000);
  const created = await writeDeviceCsv('plan-large-create.csv', 'plan-big', LARGE);
  await signIn(page, USERS.admin);
  const plan = page.getByRole('region', { name: `Plan against ${hubName()}` });
  const takeExport = plan.getByRole('button', { name: 'Take a fresh export with keys' });
  const overLimit = `This file has 1,050 rows: more than the 1,000 devices a plan reads one by one`;
  const counts = plan.getByRole('list', { name: 'Plan counts' });
  const countOf = (word: string) =>
    counts.getByRole('listitem').filter({ has: page.getByText(word, { exact: true }) });

  // The e2e stack is shared and runs the specs in file order: an earlier journey may have left an
  // export with keys that no import has overtaken, which this plan then uses by itself. Either
  // way the 1,050 new devices are planned as creates.
  await dropFile(page, created.path);
  await expect(plan).toContainText(
    /Take a fresh export with keys|Registry read (just now|\d+ min ago) from export /,
    { timeout: 60_000 },
  );
  if ((await takeExport.count()) > 0) {
    await expect(plan).toContainText(overLimit);
    await takeExport.click();
  }
  await expect(plan).toContainText(READ_FROM_EXPORT, { timeout: 120_000 });
  await expect(countOf('create')).toContainText('1,050');
  // An import through the console: every export with keys taken before it is stale from now on
  // (docs/plan-and-undo.md), so the rest of the journey no longer depends on earlier specs.
  await uploadAndWaitForCompletion(page);
  expect(await deviceExists(created.ids[LARGE - 1] ?? '')).toBe(true);
  const keysBefore = await deviceIdentity(created.ids[6] ?? '');
  expect(keysBefore.status).toBe('disabled');

  // Every device's status flipped: 1,050 changes, planned against an export taken now.
  await mkdir(INPUTS, { recursive: true });
  const file = `${INPUTS}/plan-large-flip.csv`;
  await writeFile(
    file,
    `Device ID;Status\r\n${created.ids
      .map((id, index) => `${id};${(index + 1) % 7 === 0 ? 'enabled' : 'disabled'}\r\n`)
      .join('')}`,
  );
  await dropFile(page, file);
  await page.getByRole('combobox', { name: 'Default import mode' }).click();
  await page.getByRole('option', { name: /^update\b/ }).click();
  await expect(page.getByLabel('NDJSON preview')).toContainText('"importMode":"update"');
  await expect(plan).toContainText(overLimit, { timeout: 60_000 });
  await expect(plan).toContainText('one import/export job slot');
  await expect(page.getByRole('button', { name: 'Upload and start import' })).toBeDisabled();
  await takeExport.click();
  await expect(plan).toContainText(/Registry read (just now|1 min ago) from a fresh export /, {
    timeout: 120_000,
  });
  await expect(countOf('change')).toContainText('1,050');
  await expect(plan.getByText(/1,050 devices keep their keys/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Planned changes' })).toContainText(
    created.ids[0] ?? '',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/plan-from-fresh-export.png`, fullPage: true });
  // The plan with its filter, its table and its counts passes axe like the other pages.
  await page.waitForTimeout(400);
  expect(
    (await seriousViolations(page)).map(
      (v) => `${v.id} ${v.help} at ${v.nodes[0]?.target.join(' ')}`,
    ),
  ).toEqual([]);

  // Another conversion of the same file: the export just taken is recent, and picked by itself.
  await page.getByRole('combobox', { name: 'Default import mode' }).click();
  await page.getByRole('option', { name: /^updateIfMatchETag\b/ }).click();
  await page.getByRole('combobox', { name: 'Default import mode' }).click();
  await page.getByRole('option', { name: /^update\b/ }).click();
  await expect(plan).toContainText(/Registry read (just now|\d+ min ago) from export \S/, {
    timeout: 60_000,
  });
  await expect(plan).not.toContainText('from a fresh export');
  await expect(takeExport).toHaveCount(0);
  await expect(countOf('change')).toContainText('1,050');
  await page.getByLabel('Type to confirm').fill(`change 1,050 devices in ${hubName()}`);
  await uploadAndWaitForCompletion(page);
  const after = await deviceIdentity(created.ids[6] ?? '');
  expect(after.status).toBe('enabled');
  expect(after.primaryKey).toBe(keysBefore.primaryKey);
  expect((await deviceIdentity(created.ids[0] ?? '')).status).toBe('disabled');

  // The import ran after that export: it no longer shows the hub, and is not used again.
  await dropFile(page, file);
  await expect(plan).toContainText(overLimit, { timeout: 60_000 });
  await expect(takeExport).toBeVisible();
});

test('a mixed import (creates, changes, a delete) is applied, restored with one click, and the registry diffs empty against the export before it', async ({
  page,
  request,
}) => {
  await createDevices(['mix-chg-1', 'mix-chg-2', 'mix-del-1', 'mix-same-1']);
  await signIn(page, USERS.admin);
  const before = await exportWithKeysText(request, await cachedAccessToken(page));

  await mkdir(INPUTS, { recursive: true });
  const file = `${INPUTS}/mixed.ndjson`;
  await writeFile(
    file,
    [
      { id: 'mix-new-1', importMode: 'create' },
      { id: 'mix-new-2', importMode: 'createOrUpdate', tags: { site: 'north' } },
      { id: 'mix-chg-1', importMode: 'update', status: 'disabled' },
      { id: 'mix-chg-2', importMode: 'updateTwin', tags: { site: 'moved' } },
      { id: 'mix-del-1', importMode: 'delete' },
      { id: 'mix-same-1', importMode: 'updateTwin', tags: {} },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n') + '\n',
  );
  const keysBefore = await deviceIdentity('mix-chg-1');
  await dropFile(page, file);
  const plan = page.getByRole('region', { name: `Plan against ${hubName()}` });
  const counts = plan.getByRole('list', { name: 'Plan counts' });
  await expect(counts).toBeVisible({ timeout: 30_000 });
  await expect(plan).toContainText(
    /Registry read (just now|\d+ min ago) from devices read one by one/,
  );
  const expected: [string, string][] = [
    ['2', 'create'],
    ['2', 'change'],
    ['1', 'unchanged'],
    ['1', 'delete'],
    ['0', 'will fail'],
  ];
  for (const [count, word] of expected)
    await expect(
      counts.getByRole('listitem').filter({ has: page.getByText(word, { exact: true }) }),
    ).toContainText(count);
  await page
    .getByLabel('Type to confirm')
    .fill(`delete 1 device and change 2 devices in ${hubName()}`);
  await uploadAndWaitForCompletion(page);
  expect((await deviceIdentity('mix-chg-1')).primaryKey).toBe(keysBefore.primaryKey);

  const restore = page.getByRole('button', { name: 'Restore' });
  await expect(restore).toBeVisible({ timeout: 30_000 });
  await restore.click();
  await expect(page).toHaveURL(/\/import/);
  const restorePlan = page.getByRole('region', { name: `Plan against ${hubName()}` });
  await expect(restorePlan.getByRole('list', { name: 'Plan counts' })).toBeVisible({
    timeout: 30_000,
  });
  await page.screenshot({ path: `${SCREENSHOTS}/restore-plan.png`, fullPage: true });
  // The restore recreates mix-del-1, deletes the two created devices and writes back the two
  // changed ones: its phrase names what it does, read from the page as the admin would.
  const phrase = page.getByRole('alert').filter({ hasText: 'This import will' }).locator('strong');
  const words = (await phrase.first().textContent()) ?? '';
  expect(words).toContain(`in ${hubName()}`);
  await page.getByLabel('Type to confirm').fill(words);
  await uploadAndWaitForCompletion(page);

  const after = await exportWithKeysText(request, await cachedAccessToken(page));
  const diff = diffRegistries(parseRegistryText(after), parseRegistryText(before), {
    includeReported: true,
  });
  expect(diff.changes).toEqual([]);
});
