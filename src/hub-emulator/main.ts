import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureLocalTls } from '../local-ca/local-ca';
import { createHubEmulator } from './server';

// `npm run emulator -- --port <p> --data <dir> [--cert-dir <dir>] [--device-cap n] [--pace n]
// [--strict-ids] [--progress recorded] [--api-versions a,b] [--tier S1 --units n --retry-after]
// [--entra-issuer <url> --entra-jwks-uri <url> [--entra-audiences a,b] [--entra-ca <pem file>]]
// [--disable-local-auth]`. Prints the two lines other tools read (docs/hub-emulator.md).
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string' },
    data: { type: 'string', default: '.local/hub-emulator' },
    'cert-dir': { type: 'string' },
    'device-cap': { type: 'string' },
    pace: { type: 'string' },
    'strict-ids': { type: 'boolean', default: false },
    progress: { type: 'string' },
    'api-versions': { type: 'string' },
    'batch-size': { type: 'string' },
    tier: { type: 'string' },
    units: { type: 'string' },
    'retry-after': { type: 'boolean', default: false },
    'entra-issuer': { type: 'string' },
    'entra-jwks-uri': { type: 'string' },
    'entra-audiences': { type: 'string' },
    'entra-ca': { type: 'string' },
    'disable-local-auth': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

const problems: string[] = [];
const int = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    problems.push(`--${name} must be a non-negative integer (got '${value}')`);
  return n;
};
const port = int('port', values.port) ?? 0;
const deviceCap = int('device-cap', values['device-cap']);
const pace = int('pace', values.pace);
const batchSize = int('batch-size', values['batch-size']);
if (
  values.progress !== undefined &&
  values.progress !== 'recorded' &&
  values.progress !== 'per-batch'
) {
  problems.push(`--progress must be 'recorded' or 'per-batch' (got '${values.progress}')`);
}
const units = int('units', values.units);
const tier = values.tier;
if (tier !== undefined && tier !== 'S1' && tier !== 'S2' && tier !== 'S3')
  problems.push(`--tier must be S1, S2 or S3 (got '${tier}')`);
if (tier === undefined && (units !== undefined || values['retry-after']))
  problems.push('--units and --retry-after need --tier');
const entraIssuer = values['entra-issuer'];
const entraJwks = values['entra-jwks-uri'];
if ((entraIssuer === undefined) !== (entraJwks === undefined))
  problems.push('--entra-issuer and --entra-jwks-uri go together');
if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exit(2);
}

const dataDir = path.resolve(values.data);
const tls = await ensureLocalTls(
  values['cert-dir'] ? path.resolve(values['cert-dir']) : path.join(dataDir, 'tls'),
);
const hub = await createHubEmulator({
  throttling:
    tier === 'S1' || tier === 'S2' || tier === 'S3'
      ? { tier, units: units || 1, retryAfter: values['retry-after'] }
      : undefined,
  entra:
    entraIssuer && entraJwks
      ? {
          issuer: entraIssuer,
          jwksUri: entraJwks,
          audiences: values['entra-audiences']?.split(',').map((a) => a.trim()),
          trustedCaPem: values['entra-ca'] ? await readFile(values['entra-ca'], 'utf8') : undefined,
        }
      : undefined,
  disableLocalAuth: values['disable-local-auth'],
  dataDir,
  tls,
  host: values.host,
  port,
  deviceCap,
  paceDevicesPerSecond: pace || undefined,
  batchSize,
  strictDeviceIds: values['strict-ids'],
  progressMode: values.progress === 'recorded' ? 'recorded' : 'per-batch',
  apiVersions: values['api-versions']?.split(',').map((v) => v.trim()),
  log: values.verbose
    ? (line) => process.stderr.write(`${line}\n`)
    : (line) =>
        line.includes('failed') || line.includes('error')
          ? process.stderr.write(`${line}\n`)
          : undefined,
});
process.stdout.write(
  `IOTHUB_CONNECTION_STRING=${hub.connectionString}\nIOTHUB_CA_CERT=${hub.caCertPath}\n`,
);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  hub.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`shutdown failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
