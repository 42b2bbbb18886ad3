import { mkdir, writeFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { Job } from '../../src/contracts/api/jobs';
import { diffRegistries } from '../../src/core/diff/diff-registries';
import { parseRegistryText } from '../../src/core/registry/build-registry-snapshot';
import { seriousViolations } from './support/axe-violations';
import { createDevices, deviceIdentity, hubHostName } from './support/hub-checks';
import { SCREENSHOTS, USERS, appUrl, cachedAccessToken, signIn } from './support/sign-in';

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
async function exportWithKeys(request: APIRequestContext, token: string): Promise<string> {
  const headers = { authorization: `Bearer ${token}` };
  let started: Job | undefined;
  for (let attempt = 0; attempt < 60 && !started; attempt++) {
    const response = await request.post(appUrl('/api/exports'), {
      headers,
      data: { excludeKeys: false },
    });
    // Another journey's job may still hold the slot for a moment.
    if (response.status() === 409) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      continue;
    }
    expect(response.status(), await response.text()).toBe(200);
    started = ((await response.json()) as { job: Job }).job;
  }
  const ref = started?.jobId ?? started?.operationId ?? '';
  await expect
    .poll(
      async () => {
        const job = (await (
          await request.get(appUrl(`/api/jobs/${encodeURIComponent(ref)}`), { headers })
        ).json()) as Job;
        return job.status;
      },
      { timeout: 60_000 },
    )
    .toBe('completed');
  const file = await request.get(appUrl(`/api/jobs/${encodeURIComponent(ref)}/files/devices`), {
    headers,
  });
  expect(file.status()).toBe(200);
  return file.text();
}

/** The proxy's /config.json with the plan's limits lowered, so 30 devices count as a large file. */
async function lowerPlanLimits(page: Page): Promise<void> {
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const json = (await response.json()) as Record<string, unknown>;
    await route.fulfill({
      response,
      json: { ...json, plan: { lookupLimit: 20, snapshotMaxAgeMinutes: 1 } },
    });
  });
}

/** Waits until no export with keys ended less than a minute ago (the lowered age limit). */
async function waitForNoRecentExport(request: APIRequestContext, token: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const response = await request.get(appUrl('/api/jobs?limit=200'), {
          headers: { authorization: `Bearer ${token}` },
        });
        const { jobs } = (await response.json()) as { jobs: Job[] };
        return jobs.some(
          (job) =>
            job.type === 'export' &&
            job.excludeKeysInExport === false &&
            job.endTimeUtc !== null &&
            Date.now() - Date.parse(job.endTimeUtc) < 65_000,
        );
      },
      { timeout: 90_000, intervals: [5000] },
    )
    .toBe(false);
}

test('a file over the lookup limit is planned from a fresh export with keys, then from that recent export by itself, until an import makes it stale', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const ids = Array.from({ length: 30 }, (_, i) => `big-${String(i).padStart(2, '0')}`);
  await createDevices(ids);
  const keysBefore = await deviceIdentity('big-07');
  await mkdir(INPUTS, { recursive: true });
  const file = `${INPUTS}/disable-thirty.csv`;
  await writeFile(file, `Device ID;Status\r\n${ids.map((id) => `${id};disabled\r\n`).join('')}`);

  await lowerPlanLimits(page);
  await signIn(page, USERS.admin);
  await waitForNoRecentExport(request, await cachedAccessToken(page));
  await dropFile(page, file);
  await page.getByRole('combobox', { name: 'Default import mode' }).click();
  await page.getByRole('option', { name: /^update\b/ }).click();
  await expect(page.getByLabel('NDJSON preview')).toContainText('"importMode":"update"');

  const plan = page.getByRole('region', { name: `Plan against ${hubName()}` });
  await expect(plan).toContainText('more than the 20 devices a plan reads one by one');
  await expect(plan).toContainText('one import/export job slot');
  await expect(page.getByRole('button', { name: 'Upload and start import' })).toBeDisabled();
  await plan.getByRole('button', { name: 'Take a fresh export with keys' }).click();
  await expect(plan).toContainText(/Registry read (just now|1 min ago) from a fresh export/, {
    timeout: 60_000,
  });
  const counts = plan.getByRole('list', { name: 'Plan counts' });
  await expect(
    counts.getByRole('listitem').filter({ has: page.getByText('change', { exact: true }) }),
  ).toContainText('30');
  await expect(plan.getByText(/30 devices keep their keys/)).toBeVisible();
  // A page of rows from the worker: the 30 changes, under the header row.
  await expect(page.getByRole('table', { name: 'Planned changes' }).getByRole('row')).toHaveCount(
    31,
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
  await expect(plan).toContainText(/Registry read (just now|1 min ago) from export /, {
    timeout: 60_000,
  });
  await expect(plan).not.toContainText('from a fresh export');
  await page.getByLabel('Type to confirm').fill(`change 30 devices in ${hubName()}`);
  await uploadAndWaitForCompletion(page);
  const after = await deviceIdentity('big-07');
  expect(after.status).toBe('disabled');
  expect(after.primaryKey).toBe(keysBefore.primaryKey);

  // The import ran after that export: it no longer shows the hub, and is not used again.
  await dropFile(page, file);
  await expect(page.getByRole('region', { name: `Plan against ${hubName()}` })).toContainText(
    'more than the 20 devices a plan reads one by one',
    { timeout: 30_000 },
  );
});

test('a mixed import (creates, changes, a delete) is applied, restored with one click, and the registry diffs empty against the export before it', async ({
  page,
  request,
}) => {
  await createDevices(['mix-chg-1', 'mix-chg-2', 'mix-del-1', 'mix-same-1']);
  await signIn(page, USERS.admin);
  const before = await exportWithKeys(request, await cachedAccessToken(page));

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

  const after = await exportWithKeys(request, await cachedAccessToken(page));
  const diff = diffRegistries(parseRegistryText(after), parseRegistryText(before), {
    includeReported: true,
  });
  expect(diff.changes).toEqual([]);
});
