import { createHash } from 'node:crypto';
import { BlockBlobClient } from '@azure/storage-blob';
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { CreateImportResponse } from '../../src/contracts/api/imports';
import type { Job } from '../../src/contracts/api/jobs';
import { hubRequest } from '../support/hub-rest';
import { USERS, appUrl, cachedAccessToken, signIn } from './support/sign-in';

// "Delete all devices and configurations" of hub B in the console (docs/bulk-flows.md): the backup
// export first, the counts, the hub's name typed, the job, the configurations after it, and the
// backup's undo file restoring every device with its keys. The SPA's hub routes (and with them the
// job page and the Restore button of a second hub) are not on main yet, so the restore is the
// same undo file imported through the proxy's API for hub B, as the Restore button will do.

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
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function restoreOnB(request: APIRequestContext, token: string, operationId: string) {
  const headers = { authorization: `Bearer ${token}` };
  const undo = await request.get(appUrl(`/api/hubs/hub-b/jobs/${operationId}/files/undo`), {
    headers,
  });
  expect(undo.status()).toBe(200);
  const text = await undo.text();
  const rows = text.split('\n').filter(Boolean).length;
  const created = await request.post(appUrl('/api/hubs/hub-b/imports'), {
    headers,
    data: {
      fileName: 'undo.ndjson',
      fileSize: Buffer.byteLength(text),
      sourceSha256: sha256(text),
      sourceExtension: 'ndjson',
      convertedSize: Buffer.byteLength(text),
      convertedSha256: sha256(text),
      rowCounts: { total: rows, valid: rows, invalid: 0, blank: 0 },
      byMode: { create: rows },
    },
  });
  expect(created.status(), await created.text()).toBe(200);
  const upload = (await created.json()) as CreateImportResponse;
  for (const url of [upload.uploads.devices.url, upload.uploads.source.url])
    await new BlockBlobClient(url).upload(text, Buffer.byteLength(text));
  const started = await request.post(
    appUrl(`/api/hubs/hub-b/imports/${upload.operationId}/start`),
    { headers },
  );
  expect(started.status(), await started.text()).toBe(200);
  const jobId = ((await started.json()) as { job: Job }).job.jobId ?? '';
  await expect
    .poll(
      async () =>
        (
          (await (
            await request.get(appUrl(`/api/hubs/hub-b/jobs/${jobId}`), { headers })
          ).json()) as Job
        ).status,
      { timeout: 60_000 },
    )
    .toBe('completed');
}

test('deletes every device and configuration of hub B after a backup, and the backup restores them', async ({
  page,
  request,
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
  await page.getByRole('link', { name: 'Delete all devices and configurations' }).click();
  await page.goto(appUrl('/delete-all?hub=hub-b'));
  await expect(
    page.getByRole('heading', { name: /Delete all devices and configurations of Local hub B/ }),
  ).toBeVisible();
  await page
    .getByRole('button', { name: 'Export the backup with keys and configurations' })
    .click();
  await page.getByRole('button', { name: 'Prepare the delete' }).click({ timeout: 120_000 });
  const counts = page.getByTestId('delete-all-counts');
  await expect(counts).toContainText(/\d+ devices \(and their \d+ modules\) and 1 configurations/);
  const operationId = new URL(page.url()).searchParams.get('operation') ?? '';
  const confirm = page.getByRole('button', { name: 'Delete all devices of Local hub B' });
  await expect(confirm).toBeDisabled();
  await page.getByLabel("Type the hub's name to confirm").fill('Local hub B');
  await confirm.click();
  await page
    .getByRole('button', { name: 'Delete the 1 configurations' })
    .click({ timeout: 120_000 });
  await expect(page.getByTestId('delete-all-configurations')).toContainText(
    '1 configurations deleted',
  );
  for (const id of IDS) expect((await onB('GET', `/devices/${id}`)).status, id).toBe(404);
  expect((await onB('GET', '/configurations/del-config')).status).toBe(404);

  await restoreOnB(request, await cachedAccessToken(page), operationId);
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
