import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const STATUSES = ['enabled', 'enabled', 'enabled', 'disabled'];
const AUTH = ['sas', 'sas', 'selfSigned', 'certificateAuthority'];

// Deterministic from the index alone, so every run browses the same file. Like the hub's export:
// CRLF, a leading warning line, keys on SAS devices, a module line after every 50th device.
function deviceLine(i: number): string[] {
  const id = `dev-${String(i).padStart(7, '0')}`;
  const auth = AUTH[i % AUTH.length] ?? 'sas';
  const key = Buffer.from(`key-${i}-`.padEnd(32, 'x')).toString('base64');
  const device = {
    id,
    eTag: 'MQ==',
    status: STATUSES[i % STATUSES.length],
    authentication:
      auth === 'sas'
        ? { type: 'sas', symmetricKey: { primaryKey: key, secondaryKey: key } }
        : {
            type: auth,
            x509Thumbprint: {
              primaryThumbprint: auth === 'selfSigned' ? 'A'.repeat(40) : null,
              secondaryThumbprint: null,
            },
          },
    tags: { site: `plant-${(i % 20) + 1}`, floor: (i % 12) + 1, serial: `SN${i * 7919}` },
    properties: {
      desired: { telemetryInterval: [10, 15, 30, 60][i % 4], $version: 1 },
      reported: { $version: 1 },
    },
    capabilities: { iotEdge: i % 25 === 0 },
  };
  const lines = [JSON.stringify(device)];
  if (i % 50 === 0)
    lines.push(
      JSON.stringify({
        id,
        moduleId: 'reader',
        status: 'enabled',
        authentication: { type: 'sas', symmetricKey: { primaryKey: key, secondaryKey: key } },
      }),
    );
  return lines;
}

/**
 * Writes a devices.txt with `count` devices (plus a module for every 50th); returns its record
 * count.
 */
export async function generateRegistryExport(path: string, count: number): Promise<number> {
  const out = createWriteStream(path);
  let records = 0;
  let batch: string[] = ['WARNING: generated for the registry browser bench'];
  for (let i = 0; i < count; i++) {
    for (const line of deviceLine(i)) {
      batch.push(line);
      records++;
    }
    if (batch.length >= 10_000 || i === count - 1) {
      if (!out.write(batch.join('\r\n') + '\r\n')) await once(out, 'drain');
      batch = [];
    }
  }
  out.end();
  await once(out, 'finish');
  return records;
}
