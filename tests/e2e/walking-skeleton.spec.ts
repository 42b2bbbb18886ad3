import { expect, test } from '@playwright/test';
import { hubRequest } from '../support/hub-rest';
import { SCREENSHOTS, USERS, appUrl, cachedAccessToken, signIn } from './support/sign-in';

const DEVICES = ['skeleton-dev-1', 'skeleton-dev-2', 'skeleton-dev-3'];

test('an admin imports a three-device CSV and the devices exist in the hub', async ({ page }) => {
  await signIn(page, USERS.admin, { screenshot: `${SCREENSHOTS}/sign-in.png` });
  await expect(page.getByText('Admin', { exact: true })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Import' })
    .click();
  await page.getByLabel('Device list file').setInputFiles('tests/fixtures/e2e/three-devices.csv');

  const preview = page.getByLabel('NDJSON preview');
  // The default mode is create; a mode that may change existing devices is always picked.
  await expect(preview).toContainText('"importMode":"create"');
  await page.getByLabel('Default import mode').click();
  await page.getByRole('option', { name: /^createOrUpdate\b/ }).click();
  await expect(preview).toContainText('"importMode":"createOrUpdate"');
  await expect(preview).toContainText('"id":"skeleton-dev-3"');
  const lines = (await preview.innerText()).trim().split('\n');
  expect(lines).toHaveLength(3);
  for (const line of lines)
    expect(JSON.parse(line)).toMatchObject({ importMode: 'createOrUpdate' });
  await page.screenshot({ path: `${SCREENSHOTS}/import-preview.png`, fullPage: true });

  await page.getByRole('button', { name: 'Upload and start import' }).click();
  await expect(page).toHaveURL(/\/jobs\/[^/]+$/);
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText(/completed/i, {
    timeout: 60_000,
  });
  await page.screenshot({ path: `${SCREENSHOTS}/job-completed.png`, fullPage: true });

  const connectionString = process.env.E2E_HUB_CONNECTION_STRING ?? '';
  const ca = process.env.E2E_CA_CERT_PEM ?? '';
  for (const id of DEVICES) {
    const response = await hubRequest(
      connectionString,
      ca,
      'GET',
      `/devices/${encodeURIComponent(id)}`,
    );
    expect(response.status, `device ${id}`).toBe(200);
    expect(response.body).toMatchObject({ deviceId: id });
  }
  const disabled = await hubRequest(connectionString, ca, 'GET', '/devices/skeleton-dev-3');
  expect(disabled.body).toMatchObject({ status: 'disabled' });
});

test('a support user sees no import action and the proxy refuses their import request', async ({
  page,
  request,
}) => {
  await signIn(page, USERS.support);
  await expect(page.getByText('Support', { exact: true })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }),
  ).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }),
  ).toHaveCount(0);

  const token = await cachedAccessToken(page);
  const response = await request.post(appUrl('/api/imports'), {
    headers: { authorization: `Bearer ${token}` },
    data: {
      fileName: 'x.csv',
      fileSize: 1,
      sourceSha256: '0'.repeat(64),
      sourceExtension: 'csv',
      convertedSize: 1,
      convertedSha256: '0'.repeat(64),
      rowCounts: { total: 1, valid: 1, invalid: 0, blank: 0 },
      byMode: { createOrUpdate: 1 },
    },
  });
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });

  const me = await request.get(appUrl('/api/me'), {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ roles: ['support'] });
});
