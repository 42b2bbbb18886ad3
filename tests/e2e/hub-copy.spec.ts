import { lookHere } from './support/look-here';
import { expect, test } from '@playwright/test';
import { hubRequest } from '../support/hub-rest';
import { USERS, appUrl, signIn } from './support/sign-in';

// The copy of hub-a into hub-b in the console (docs/bulk-flows.md, "Copy a hub into another"):
// 30 devices, an edge gateway with a child and modules with keys, exported, rewritten by the
// proxy, imported after the target's name is typed, and verified identical. The page lives under
// the source hub (/hubs/hub-a/copy) and names both hubs in its API calls (/api/hubs/{hubId}/...).

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: global-setup did not start the stack`);
  return value;
}

const key = (seed: number) => Buffer.alloc(32, seed).toString('base64');
const sas = (seed: number) => ({
  type: 'sas',
  symmetricKey: { primaryKey: key(seed), secondaryKey: key(seed + 100) },
});

async function onHub(name: string, method: string, path: string, body?: unknown) {
  const response = await hubRequest(env(name), env('E2E_CA_CERT_PEM'), method, path, body);
  if (response.status !== 200)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Record<string, unknown>;
}

test('copies 30 devices with an edge gateway, its child and modules from hub A to hub B, verified identical', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const A = 'E2E_HUB_CONNECTION_STRING';
  const gateway = await onHub(A, 'PUT', '/devices/copy-gw', {
    deviceId: 'copy-gw',
    authentication: sas(1),
    capabilities: { iotEdge: true },
  });
  await onHub(A, 'PUT', '/devices/copy-gw-child', {
    deviceId: 'copy-gw-child',
    authentication: sas(2),
    deviceScope: String(gateway.deviceScope),
  });
  for (let n = 1; n <= 28; n++) {
    const id = `copy-dev-${String(n).padStart(2, '0')}`;
    await onHub(A, 'PUT', `/devices/${id}`, { deviceId: id, authentication: sas(10 + n) });
    if (n % 10 === 0)
      await onHub(A, 'PUT', `/devices/${id}/modules/telemetry`, {
        deviceId: id,
        moduleId: 'telemetry',
        authentication: sas(60 + n),
      });
  }

  await signIn(page, USERS.admin);
  await page.goto(appUrl('/hubs/hub-a/copy?source=hub-a&target=hub-b'));
  await expect(page.getByRole('heading', { name: 'Copy a hub into another' })).toBeVisible();
  await page.getByRole('button', { name: 'Export the source with keys' }).click();
  const steps = page.getByRole('list', { name: 'Copy steps' });
  await page.getByRole('button', { name: 'Rewrite for Local hub B' }).click({ timeout: 120_000 });
  await expect(steps.locator('[data-step="rewrite"]')).toHaveAttribute('data-state', 'done', {
    timeout: 60_000,
  });
  await expect(page.getByText(/a module of the IoT Edge runtime/)).toBeVisible();

  // Reopened from its URL, the copy is where it was.
  await page.reload();
  await expect(steps.locator('[data-step="rewrite"]')).toHaveAttribute('data-state', 'done');
  const importButton = page.getByRole('button', { name: 'Import into Local hub B' });
  await expect(importButton).toBeDisabled();
  await page.getByLabel("Target hub's name").fill('Local hub B');
  await importButton.click();
  await expect(steps.locator('[data-step="import"]')).toHaveAttribute('data-state', 'done', {
    timeout: 180_000,
  });
  await page.getByRole('button', { name: 'Verify the copy' }).click();
  await expect(page.getByTestId('copy-verification')).toContainText(/(\d[\d,]*) of \1 identical/, {
    timeout: 180_000,
  });
  await expect(steps.locator('[data-step="verify"]')).toHaveAttribute('data-state', 'done');
  await lookHere(page, 'hub-copy-verified');

  const child = await onHub('E2E_HUB_B_CONNECTION_STRING', 'GET', '/devices/copy-gw-child');
  expect(child.authentication).toMatchObject({ symmetricKey: { primaryKey: key(2) } });
  const copiedGateway = await onHub('E2E_HUB_B_CONNECTION_STRING', 'GET', '/devices/copy-gw');
  expect(child.deviceScope).toBe(copiedGateway.deviceScope);
  await onHub('E2E_HUB_B_CONNECTION_STRING', 'GET', '/devices/copy-dev-20/modules/telemetry');
});
