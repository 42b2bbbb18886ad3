import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseImportErrorLog } from '../../../src/core/import-errors/parse-import-error-log';
import {
  rawRequest,
  readBlobText,
  startTestHub,
  startTestStorage,
  uploadText,
  waitForJob,
  type TestHub,
  type TestStorage,
} from '../hub-emulator/hub-fixture';
import { runCli } from '../plan/run-cli';

// The copy of a hub on the command line (docs/bulk-flows.md, "Copy a hub into another"), against
// two real emulator hubs and Azurite: hub A is exported with keys and configurations, `iot-bulk
// copy` rewrites the export, B imports it, B is exported, and `iot-bulk verify-copy` says every
// identity and configuration is identical. A re-run in createOrUpdate changes nothing;
// `delete-all` empties B and the backup brings it back.
// COPY_IT_DEVICES sets the size (default 400; the 100,000 run takes minutes on this machine).
const DEVICES = Number(process.env.COPY_IT_DEVICES ?? 400);
const FIXTURE = join(import.meta.dirname, '../../fixtures/hub-export');
const CONFIGURATIONS = readFileSync(join(FIXTURE, 'configurations.txt'), 'utf8');
const JOB_TIMEOUT = Math.max(120_000, DEVICES * 10);

let a: TestHub;
let b: TestHub;
let storage: TestStorage;
let containers = 0;

const key = (n: number, side: string): string =>
  Buffer.from(`${side}-key-of-device-${String(n).padStart(8, '0')}`.padEnd(32, '!')).toString(
    'base64',
  );

/** Two gateways (one under the other), leaves under each, modules with keys, an X.509 device. */
function sourceFile(): string {
  const lines: unknown[] = [
    {
      id: 'gw-root',
      importMode: 'create',
      capabilities: { iotEdge: true },
      tags: { role: 'gateway' },
    },
  ];
  for (let n = 1; n <= DEVICES; n++) {
    const id = `dev-${String(n).padStart(6, '0')}`;
    lines.push({
      id,
      importMode: 'create',
      status: n % 17 === 0 ? 'disabled' : 'enabled',
      ...(n % 17 === 0 ? { statusReason: 'retired' } : {}),
      authentication: {
        symmetricKey: { primaryKey: key(n, 'p'), secondaryKey: key(n, 's') },
        type: 'sas',
      },
      tags: { site: `site-${n % 5}`, n },
      properties: { desired: { interval: 10 + (n % 7) } },
    });
    if (n % 10 === 0)
      lines.push({
        id,
        moduleId: 'telemetry',
        importMode: 'create',
        authentication: {
          symmetricKey: { primaryKey: key(n, 'mp'), secondaryKey: key(n, 'ms') },
          type: 'sas',
        },
        properties: { desired: { rate: n % 3 } },
      });
  }
  lines.push({
    id: 'x509-device',
    importMode: 'create',
    authentication: {
      x509Thumbprint: { primaryThumbprint: 'A'.repeat(40), secondaryThumbprint: 'B'.repeat(64) },
      type: 'selfSigned',
    },
  });
  return lines.map((l) => `${JSON.stringify(l)}\n`).join('');
}

async function importJob(
  hub: TestHub,
  devices: string,
  configurations?: string,
): Promise<{ errors: unknown[]; configErrors: string }> {
  const container = await storage.container(`copy-import-${++containers}`);
  await uploadText(container.client, 'devices.txt', devices);
  if (configurations !== undefined)
    await uploadText(container.client, 'configurations.txt', configurations);
  const created = await rawRequest(hub, 'POST', '/jobs/create', {
    body: {
      type: 'import',
      inputBlobContainerUri: container.sasUrl('rl'),
      outputBlobContainerUri: container.sasUrl('rwdl'),
      ...(configurations === undefined ? {} : { includeConfigurations: true }),
    },
  });
  expect(created.status).toBe(200);
  const job = await waitForJob(hub, (created.json as { jobId: string }).jobId, JOB_TIMEOUT);
  expect(job.status).toBe('completed');
  return {
    errors: [...parseImportErrorLog([await readBlobText(container.client, 'importErrors.log')])],
    configErrors:
      configurations === undefined
        ? ''
        : await readBlobText(container.client, 'importConfigErrors.log'),
  };
}

async function exportJob(hub: TestHub): Promise<{ devices: string; configurations: string }> {
  const container = await storage.container(`copy-export-${++containers}`);
  const created = await rawRequest(hub, 'POST', '/jobs/create', {
    body: {
      type: 'export',
      outputBlobContainerUri: container.sasUrl('rwdl'),
      excludeKeysInExport: false,
      includeConfigurations: true,
    },
  });
  expect(created.status).toBe(200);
  const job = await waitForJob(hub, (created.json as { jobId: string }).jobId, JOB_TIMEOUT);
  expect(job.status).toBe('completed');
  return {
    devices: await readBlobText(container.client, 'devices.txt'),
    configurations: await readBlobText(container.client, 'configurations.txt'),
  };
}

async function copy(source: { devices: string; configurations: string }, mode: string) {
  const files = { 'devices.txt': source.devices, 'configurations.txt': source.configurations };
  const configured = await runCli(files, [
    'copy',
    '--export',
    'devices.txt',
    '--mode',
    mode,
    '--out',
    'copy.ndjson',
    '--configurations',
    'configurations.txt',
    '--configurations-out',
    '{out}',
  ]);
  const devices = await runCli(files, [
    'copy',
    '--export',
    'devices.txt',
    '--mode',
    mode,
    '--out',
    '{out}',
  ]);
  return {
    stdout: devices.stdout,
    devices: devices.out ?? '',
    configurations: configured.out ?? '',
  };
}

/** `iot-bulk plan` of a copy against the target's export: what the console's plan would say. */
async function plan(file: string, registry: string): Promise<Record<string, number>> {
  const { stdout } = await runCli({ 'copy.ndjson': file, 'registry.txt': registry }, [
    'plan',
    'copy.ndjson',
    '--registry',
    'registry.txt',
    '--json',
  ]);
  return (JSON.parse(stdout) as { summary: Record<string, number> }).summary;
}

async function verify(
  source: { devices: string; configurations: string },
  target: { devices: string; configurations: string },
): Promise<{ stdout: string; exitCode: number }> {
  const files = {
    'a.txt': source.devices,
    'b.txt': target.devices,
    'ca.txt': source.configurations,
    'cb.txt': target.configurations,
  };
  try {
    const { stdout } = await runCli(files, [
      'verify-copy',
      'a.txt',
      'b.txt',
      '--configurations',
      'ca.txt',
      'cb.txt',
    ]);
    return { stdout, exitCode: 0 };
  } catch (error) {
    const failed = error as { stdout: string; code: number };
    return { stdout: failed.stdout, exitCode: failed.code };
  }
}

beforeAll(async () => {
  [a, b, storage] = await Promise.all([startTestHub(), startTestHub(), startTestStorage()]);
  const gateway = await importJob(a, sourceFile(), CONFIGURATIONS);
  expect(gateway).toEqual({ errors: [], configErrors: '' });
  // The child gateway and the leaves need the root's scope, which hub A made.
  const root = (await exportJob(a)).devices
    .split('\r\n')
    .map((l) =>
      l ? (JSON.parse(l) as { id: string; moduleId?: string; deviceScope?: string }) : undefined,
    )
    .find((d) => d?.id === 'gw-root' && d.moduleId === undefined);
  const scope = root?.deviceScope ?? '';
  const children = [
    {
      id: 'gw-child',
      importMode: 'create',
      capabilities: { iotEdge: true },
      parentScopes: [scope],
    },
    { id: 'leaf-under-root', importMode: 'create', deviceScope: scope },
  ];
  expect(
    (await importJob(a, children.map((l) => `${JSON.stringify(l)}\n`).join(''))).errors,
  ).toEqual([]);
}, JOB_TIMEOUT * 3);

afterAll(async () => {
  await Promise.all([a?.dispose(), b?.dispose()]);
  await storage?.azurite.close();
});

describe('iot-bulk copy from hub A into hub B', () => {
  let source: { devices: string; configurations: string };
  // Devices and modules of A: the generated ones, 3 more devices, 2 runtime modules per gateway.
  const identities = DEVICES + Math.floor(DEVICES / 10) + 4 + 4;

  it(
    'copies every device with its keys, modules and configurations, verified identical',
    async () => {
      source = await exportJob(a);
      const copied = await copy(source, 'create');
      expect(copied.stdout).toContain(`${identities - 4} lines written to `);
      expect(copied.stdout).toContain('4 left out: a module of the IoT Edge runtime');
      // The plan against the empty target predicts what the job then does: every line a create.
      expect(await plan(copied.devices, (await exportJob(b)).devices)).toEqual({
        create: identities - 4,
        update: 0,
        unchanged: 0,
        delete: 0,
        fail: 0,
      });
      const imported = await importJob(b, copied.devices, copied.configurations);
      expect(imported).toEqual({ errors: [], configErrors: '' });
      const target = await exportJob(b);
      const result = await verify(source, target);
      expect(result.stdout.split('\n')[0]).toBe(
        `${identities.toLocaleString('en-US')} of ${identities.toLocaleString('en-US')} identical (4 of them IoT Edge runtime modules whose keys the target made itself); configurations: 2 of 2 identical`,
      );
      expect(result.exitCode).toBe(0);
    },
    JOB_TIMEOUT * 4,
  );

  it(
    're-runs in createOrUpdate without an error and stays identical',
    async () => {
      const copied = await copy(source, 'createOrUpdate');
      // Against the copied hub, the plan finds nothing to do: the console would send no line.
      expect(await plan(copied.devices, (await exportJob(b)).devices)).toEqual({
        create: 0,
        update: 0,
        unchanged: identities - 4,
        delete: 0,
        fail: 0,
      });
      expect(await importJob(b, copied.devices, copied.configurations)).toEqual({
        errors: [],
        configErrors: '',
      });
      const result = await verify(source, await exportJob(b));
      expect(result.exitCode).toBe(0);
    },
    JOB_TIMEOUT * 4,
  );

  it(
    'finishes a copy that stopped half-way with a createOrUpdate re-run',
    async () => {
      const c = await startTestHub();
      try {
        const first = await copy(source, 'create');
        const lines = first.devices.split('\n').filter(Boolean);
        const half = lines.slice(0, Math.ceil(lines.length / 2));
        expect((await importJob(c, half.map((l) => `${l}\n`).join(''))).errors).toEqual([]);
        const partial = await verify(source, await exportJob(c));
        expect(partial.exitCode).toBe(1);
        expect(partial.stdout).toContain('removed');
        const rerun = await copy(source, 'createOrUpdate');
        expect(await importJob(c, rerun.devices, rerun.configurations)).toEqual({
          errors: [],
          configErrors: '',
        });
        expect((await verify(source, await exportJob(c))).exitCode).toBe(0);
      } finally {
        await c.dispose();
      }
    },
    JOB_TIMEOUT * 4,
  );

  it(
    'says what differs when the target is not a copy',
    async () => {
      const changed = [
        { id: 'dev-000001', importMode: 'update', status: 'disabled', authentication: null },
      ];
      expect(
        (await importJob(b, changed.map((l) => `${JSON.stringify(l)}\n`).join(''))).errors,
      ).toEqual([]);
      const result = await verify(source, await exportJob(b));
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toContain('changed dev-000001: status, authentication.keys');
    },
    JOB_TIMEOUT * 3,
  );

  it(
    'deletes every device of B, and the backup export brings them back',
    async () => {
      const backup = await exportJob(b);
      const deleted = await runCli(
        { 'devices.txt': backup.devices, 'configurations.txt': backup.configurations },
        ['delete-all', '--export', 'devices.txt', '--out', '{out}'],
      );
      expect(deleted.stdout).toContain(`${DEVICES + 4} delete lines written`);
      expect((await importJob(b, deleted.out ?? '')).errors).toEqual([]);
      for (const id of ['edge-baseline', 'thermo-interval']) {
        const removed = await rawRequest(b, 'DELETE', `/configurations/${id}`);
        expect(removed.status).toBe(204);
      }
      const empty = await exportJob(b);
      expect(empty.devices).toBe('');
      expect(empty.configurations).toBe('');
      // Undo: the backup, copied in create mode, as the console imports a backup.
      const restored = await copy(backup, 'create');
      expect(await importJob(b, restored.devices, restored.configurations)).toEqual({
        errors: [],
        configErrors: '',
      });
      expect((await verify(backup, await exportJob(b))).exitCode).toBe(0);
    },
    JOB_TIMEOUT * 6,
  );
});
