import { createHmac } from 'node:crypto';
import https from 'node:https';

// A minimal client for the hub's service REST API used by tests to check what landed in the
// emulator, independent of the proxy's hub client (so a bug there cannot hide itself).

export interface HubConnection {
  hostName: string;
  policy: string;
  key: string;
}

export function parseHubConnectionString(connectionString: string): HubConnection {
  const fields = new Map<string, string>();
  for (const pair of connectionString.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0) fields.set(pair.slice(0, at).toLowerCase(), pair.slice(at + 1));
  }
  const hostName = fields.get('hostname');
  const policy = fields.get('sharedaccesskeyname');
  const key = fields.get('sharedaccesskey');
  if (!hostName || !policy || !key)
    throw new Error('Connection string lacks HostName, SharedAccessKeyName or SharedAccessKey');
  return { hostName, policy, key };
}

export function hubSasToken(connection: HubConnection, ttlSeconds = 600): string {
  const sr = encodeURIComponent(connection.hostName);
  const se = Math.floor(Date.now() / 1000) + ttlSeconds;
  const sig = createHmac('sha256', Buffer.from(connection.key, 'base64'))
    .update(`${sr}\n${se}`)
    .digest('base64');
  return `SharedAccessSignature sr=${sr}&sig=${encodeURIComponent(sig)}&se=${se}&skn=${encodeURIComponent(connection.policy)}`;
}

export interface HubResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export function hubRequest(
  connectionString: string,
  caPem: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<HubResponse> {
  const connection = parseHubConnectionString(connectionString);
  const url = new URL(`https://${connection.hostName}${path}`);
  url.searchParams.set('api-version', '2021-04-12');
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = https.request(
      url,
      {
        method,
        ca: caPem,
        headers: {
          authorization: hubSasToken(connection),
          'content-type': 'application/json; charset=utf-8',
          ...(payload ? { 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: parsed });
        });
      },
    );
    request.on('error', reject);
    if (payload) request.write(payload);
    request.end();
  });
}
