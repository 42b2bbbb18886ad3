import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { mkdtemp, rm } from 'node:fs/promises';
import {
  ContainerClient,
  ContainerSASPermissions,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { Agent, fetch } from 'undici';
import { startAzurite } from '../../src/dev-stack/azurite';
import { ensureLocalTls } from '../../src/local-ca/local-ca';
import { signSas } from '../../src/hub-emulator/auth/sign-sas';
import { buildRows, timeBareInsert, timeBareScan } from './bare-sqlite-baseline';
import { generateDevices } from './generate-devices';
import { spawnEmulator, type EmulatorChild } from './spawn-emulator';

// `npm run bench -- emulator`: import N generated devices from Azurite into a fresh emulator and
// export them back, timed by the job's own start/end times, against a bare better-sqlite3 insert
// and scan of the same rows in the same run (docs/hub-emulator.md, Benchmark).
export async function runEmulatorBench(opts: { quick: boolean }): Promise<Record<string, unknown>> {
  const sizes = opts.quick ? [100_000] : [100_000, 1_000_000];
  const work = await mkdtemp(path.join(os.tmpdir(), 'emulator-bench-'));
  const tls = await ensureLocalTls(path.join(work, 'tls'));
  const azurite = await startAzurite({ location: path.join(work, 'azurite') });
  const results: Record<string, unknown> = {
    machine: { cpus: os.cpus().length, loadAverage: os.loadavg()[0], node: process.version },
  };
  try {
    for (const size of sizes)
      results[String(size)] = await benchSize(
        size,
        work,
        tls.caCertPem,
        path.dirname(tls.caCertPath),
        azurite,
      );
  } finally {
    await azurite.close();
    await rm(work, { recursive: true, force: true });
  }
  return results;
}

async function benchSize(
  size: number,
  work: string,
  caPem: string,
  certDir: string,
  azurite: Awaited<ReturnType<typeof startAzurite>>,
): Promise<Record<string, unknown>> {
  const credential = new StorageSharedKeyCredential(azurite.accountName, azurite.accountKey);
  const container = new ContainerClient(`${azurite.blobEndpoint}/bench-${size}`, credential);
  await container.createIfNotExists();
  const sasUrl = `${container.url}?${generateBlobSASQueryParameters({ containerName: container.containerName, permissions: ContainerSASPermissions.parse('rwdl'), expiresOn: new Date(Date.now() + 6 * 3600_000) }, credential).toString()}`;
  const lines = function* (): Generator<string> {
    for (const device of generateDevices(size)) yield `${device.line}\n`;
  };
  await container
    .getBlockBlobClient('devices.txt')
    .uploadStream(Readable.from(lines()), 8 * 1024 * 1024, 4);

  // Baselines run right before and right after each emulator job and are averaged: on a shared
  // 2-core machine the load drifts, so only measurements taken close together compare fairly.
  const rows = buildRows(Array.from(generateDevices(size), (d) => d.line));
  const insertBefore = timeBareInsert(path.join(work, `bare-a-${size}.sqlite`), rows);
  const hub = await spawnEmulator(path.join(work, `hub-${size}`), certDir);
  let importJob: Record<string, unknown>;
  let exportJob: Record<string, unknown>;
  let peakRss: number;
  let insertAfter: number;
  let scanBefore: number;
  try {
    importJob = await runJob(hub, caPem, {
      type: 'import',
      inputBlobContainerUri: sasUrl,
      outputBlobContainerUri: sasUrl,
    });
    insertAfter = timeBareInsert(path.join(work, `bare-b-${size}.sqlite`), rows);
    scanBefore = timeBareScan(path.join(work, `bare-b-${size}.sqlite`));
    exportJob = await runJob(hub, caPem, {
      type: 'export',
      outputBlobContainerUri: sasUrl,
      outputBlobName: 'export.txt',
    });
    peakRss = await hub.peakRssBytes();
  } finally {
    await hub.stop();
  }
  const scanAfter = timeBareScan(path.join(work, `bare-b-${size}.sqlite`));
  const importSeconds = jobSeconds(importJob);
  const exportSeconds = jobSeconds(exportJob);
  const bareInsert = (insertBefore + insertAfter) / 2;
  const bareScan = (scanBefore + scanAfter) / 2;
  const exportedBytes =
    (await container.getBlobClient('export.txt').getProperties()).contentLength ?? 0;
  await rm(path.join(work, `bare-a-${size}.sqlite`), { force: true });
  await rm(path.join(work, `bare-b-${size}.sqlite`), { force: true });
  return {
    devices: size,
    import: {
      status: importJob.status,
      seconds: round(importSeconds),
      devicesPerSecond: Math.round(size / importSeconds),
      vsBareInsert: round(importSeconds / bareInsert),
    },
    export: {
      status: exportJob.status,
      seconds: round(exportSeconds),
      devicesPerSecond: Math.round(size / exportSeconds),
      bytes: exportedBytes,
      vsBareScan: round(exportSeconds / bareScan),
    },
    bareInsert: {
      seconds: round(bareInsert),
      before: round(insertBefore),
      after: round(insertAfter),
      rowsPerSecond: Math.round(size / bareInsert),
    },
    bareScanStringify: {
      seconds: round(bareScan),
      before: round(scanBefore),
      after: round(scanAfter),
      rowsPerSecond: Math.round(size / bareScan),
    },
    emulatorPeakRssMB: Math.round(peakRss / 1e6),
  };
}

async function runJob(
  hub: EmulatorChild,
  caPem: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const dispatcher = new Agent({ connect: { ca: caPem } });
  const key = /SharedAccessKey=([^;]+)/.exec(hub.connectionString)?.[1] ?? '';
  const call = async (
    method: string,
    pathname: string,
    json?: unknown,
  ): Promise<Record<string, unknown>> => {
    const response = await fetch(`${hub.url}${pathname}?api-version=2021-04-12`, {
      method,
      dispatcher,
      headers: {
        authorization: signSas(
          'localhost',
          'iothubowner',
          key,
          Math.floor(Date.now() / 1000) + 3600,
        ),
        'content-type': 'application/json',
      },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    const result = (await response.json()) as Record<string, unknown>;
    if (!response.ok)
      throw new Error(`${method} ${pathname}: ${response.status} ${JSON.stringify(result)}`);
    return result;
  };
  const created = await call('POST', '/jobs/create', body);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const job = await call('GET', `/jobs/${String(created.jobId)}`);
    if (job.status === 'completed' || job.status === 'failed' || job.status === 'cancelled') {
      await dispatcher.close();
      if (job.status !== 'completed')
        throw new Error(
          `${String(body.type)} job ended ${String(job.status)}: ${String(job.failureReason)}`,
        );
      return job;
    }
  }
}

function jobSeconds(job: Record<string, unknown>): number {
  return (Date.parse(String(job.endTimeUtc)) - Date.parse(String(job.startTimeUtc))) / 1000;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
