import { lookHere } from './support/look-here';
import { expect, test } from '@playwright/test';
import { hubRequest } from '../support/hub-rest';
import { USERS, appUrl, signIn } from './support/sign-in';

// "Delete all devices and configurations" of hub B in the console (docs/bulk-flows.md): the backup
// export first, the counts, the hub's name typed, the job, the configurations after it, and the
// backup's undo file restoring every device with its keys through the job page's Restore, as for
// any import.

const B = 'E2E_HUB_B_CONNECTION_STRING';
const IDS = ['del-gw', 'del-child', 'del-1', 'del-2', 'del-3'];

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
const onB = (method: string, path: string, body?: unknown) =>
  hubRequest(env(B), env('E2E_CA_CERT_PEM'), method, path, body);

test('deletes every device and configuration of hub B after a backup, and the backup restores them', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const gateway = await onB('PUT', '/devices/del-gw', {
    deviceId: 'del-gw',
    authentication: sas(1),
    capabilities: { iotEdge: true },
  });
  expect(gateway.status).toBe(200);
  const scope = String((gateway.body as { deviceScope: string }).deviceScope);
  await onB('PUT', '/devices/del-child', {
    deviceId: 'del-child',
    authentication: sas(2),
    deviceScope: scope,
  });
  for (const [n, id] of ['del-1', 'del-2', 'del-3'].entries())
    await onB('PUT', `/devices/${id}`, { deviceId: id, authentication: sas(10 + n) });
  await onB('PUT', '/configurations/del-config', {
    id: 'del-config',
    targetCondition: "tags.site='x'",
    priority: 1,
  });

  await signIn(page, USERS.admin);
  await page.goto(appUrl('/hubs/hub-b/'));
  await page.getByRole('link', { name: 'Delete all devices and configurations' }).click();
  await expect(page).toHaveURL(/\/hubs\/hub-b\/delete-all$/);
  await expect(
    page.getByRole('heading', { name: /Delete all devices and configurations of Local hub B/ }),
  ).toBeVisible();
  await page
    .getByRole('button', { name: 'Export the backup with keys and configurations' })
    .click();
  await page.getByRole('button', { name: 'Prepare the delete' }).click({ timeout: 120_000 });
  const counts = page.getByTestId('delete-all-counts');
  await expect(counts).toContainText(
    /\d+ devices \(and their \d+ modules\) and 1 configuration of/,
  );
  const operationId = new URL(page.url()).searchParams.get('operation') ?? '';
  const confirm = page.getByRole('button', { name: 'Delete all devices of Local hub B' });
  await expect(confirm).toBeDisabled();
  await page.getByLabel("Type the hub's name to confirm").fill('Local hub B');
  await lookHere(page, 'delete-all-confirm');
  await confirm.click();
  await page
    .getByRole('button', { name: 'Delete the 1 configuration' })
    .click({ timeout: 120_000 });
  await expect(page.getByTestId('delete-all-configurations')).toContainText(
    '1 configuration deleted',
  );
  for (const id of IDS) expect((await onB('GET', `/devices/${id}`)).status, id).toBe(404);
  expect((await onB('GET', '/configurations/del-config')).status).toBe(404);

  // Undo: the job page's Restore opens the backup's undo file in hub B's import wizard.
  await page.getByRole('link', { name: 'open the job page' }).click();
  await expect(page).toHaveURL(/\/hubs\/hub-b\/jobs\//);
  await page.getByRole('button', { name: 'Restore' }).click({ timeout: 30_000 });
  await expect(page).toHaveURL(/\/hubs\/hub-b\/import/);
  await expect(page.getByRole('list', { name: 'Plan counts' })).toBeVisible({ timeout: 60_000 });
  // The wizard asks for a typed phrase only when its plan deletes; a restore of creates does not.
  const phrase = page.getByRole('alert').filter({ hasText: 'This import will' }).locator('strong');
  if ((await phrase.count()) > 0)
    await page.getByLabel('Type to confirm').fill((await phrase.first().textContent()) ?? '');
  await page.getByRole('button', { name: 'Upload and start import' }).click();
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText(/completed/i, {
    timeout: 90_000,
  });
  expect(operationId).not.toBe('');
  const child = await onB('GET', '/devices/del-child');
  expect(child.body).toMatchObject({
    authentication: { symmetricKey: { primaryKey: key(2) } },
    deviceScope: scope,
  });
  for (const id of IDS) expect((await onB('GET', `/devices/${id}`)).status, id).toBe(200);
  // Hub B is left empty for the journeys that copy into it (the registry's bulk delete).
  const cleared = await onB(
    'POST',
    '/devices',
    IDS.map((id) => ({ id, importMode: 'delete' })),
  );
  expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
  for (const id of IDS) expect((await onB('GET', `/devices/${id}`)).status, id).toBe(404);
});
