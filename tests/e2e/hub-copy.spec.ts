import { lookHere } from './support/look-here';
import { expect, test } from '@playwright/test';
import { hubRequest } from '../support/hub-rest';
import { USERS, appUrl, signIn } from './support/sign-in';

// The copy of hub-a into hub-b in the console (docs/bulk-flows.md, "Copy a hub into another"):
// an edge gateway with a child, plain devices and modules with keys, exported, rewritten by the
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

// 100,000 plain devices (E2E_COPY_DEVICES for another count), made through the hub's bulk API
// with a module on every thousandth: about a minute here, as the e2e hubs run jobs at 4,000
// devices a second. Hub A's copies are deleted afterwards, so the journeys after this one export
// the hub they always did.
const PLAIN_DEVICES = Number(process.env.E2E_COPY_DEVICES ?? 100_000);
const STEP_MS = Math.max(180_000, PLAIN_DEVICES * 6);

const plainId = (n: number) => `copy-dev-${String(n).padStart(6, '0')}`;

async function makePlainDevices(connection: string): Promise<void> {
  const id = plainId;
  const moduleEvery = PLAIN_DEVICES > 1000 ? 1000 : 10;
  if (PLAIN_DEVICES <= 28) {
    for (let n = 1; n <= PLAIN_DEVICES; n++)
      await onHub(connection, 'PUT', `/devices/${id(n)}`, {
        deviceId: id(n),
        authentication: sas(10 + n),
      });
  } else {
    for (let start = 1; start <= PLAIN_DEVICES; start += 100) {
      const batch = [];
      for (let n = start; n < start + 100 && n <= PLAIN_DEVICES; n++)
        batch.push({ id: id(n), importMode: 'create', status: 'enabled', authentication: sas(n) });
      await onHub(connection, 'POST', '/devices', batch);
    }
  }
  for (let n = moduleEvery; n <= PLAIN_DEVICES; n += moduleEvery)
    await onHub(connection, 'PUT', `/devices/${id(n)}/modules/telemetry`, {
      deviceId: id(n),
      moduleId: 'telemetry',
      authentication: sas(60 + (n % 100)),
    });
}

/** Deletes the plain devices again, 100 a call (their modules go with them). */
async function deletePlainDevices(connection: string): Promise<void> {
  for (let start = 1; start <= PLAIN_DEVICES; start += 100) {
    const batch = [];
    for (let n = start; n < start + 100 && n <= PLAIN_DEVICES; n++)
      batch.push({ id: plainId(n), importMode: 'delete', status: 'enabled' });
    await onHub(connection, 'POST', '/devices', batch);
  }
}

test('copies an edge gateway, its child, plain devices and modules from hub A to hub B, verified identical', async ({
  page,
}) => {
  test.setTimeout(Math.max(600_000, STEP_MS * 5));
  const started = Date.now();
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
  await makePlainDevices(A);

  await signIn(page, USERS.admin);
  await page.goto(appUrl('/hubs/hub-a/copy?source=hub-a&target=hub-b'));
  await expect(page.getByRole('heading', { name: 'Copy a hub into another' })).toBeVisible();
  await page.getByRole('button', { name: 'Export the source with keys' }).click();
  const steps = page.getByRole('list', { name: 'Copy steps' });
  await page.getByRole('button', { name: 'Rewrite for Local hub B' }).click({ timeout: STEP_MS });
  await expect(steps.locator('[data-step="rewrite"]')).toHaveAttribute('data-state', 'done', {
    timeout: STEP_MS,
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
    timeout: STEP_MS,
  });
  await page.getByRole('button', { name: 'Verify the copy' }).click();
  await expect(page.getByTestId('copy-verification')).toContainText(/(\d[\d,]*) of \1 identical/, {
    timeout: STEP_MS,
  });
  await expect(steps.locator('[data-step="verify"]')).toHaveAttribute('data-state', 'done');
  console.log(
    `hub copy of ${PLAIN_DEVICES + 2} devices: ${Math.round((Date.now() - started) / 1000)} s from the first device made to verified`,
  );
  await lookHere(page, 'hub-copy-verified');
  await deletePlainDevices(A);
  const gone = await hubRequest(env(A), env('E2E_CA_CERT_PEM'), 'GET', `/devices/${plainId(1)}`);
  expect(gone.status).toBe(404);

  const child = await onHub('E2E_HUB_B_CONNECTION_STRING', 'GET', '/devices/copy-gw-child');
  expect(child.authentication).toMatchObject({ symmetricKey: { primaryKey: key(2) } });
  const copiedGateway = await onHub('E2E_HUB_B_CONNECTION_STRING', 'GET', '/devices/copy-gw');
  expect(child.deviceScope).toBe(copiedGateway.deviceScope);
  await onHub(
    'E2E_HUB_B_CONNECTION_STRING',
    'GET',
    `/devices/copy-dev-${String(PLAIN_DEVICES > 1000 ? 1000 : 10).padStart(6, '0')}/modules/telemetry`,
  );
});
