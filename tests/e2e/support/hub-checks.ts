import { hubRequest } from '../../support/hub-rest';

// What the journeys assert about the hub, asked of the emulator's own REST API (never the proxy).

function connection(): { connectionString: string; ca: string } {
  const connectionString = process.env.E2E_HUB_CONNECTION_STRING;
  const ca = process.env.E2E_CA_CERT_PEM;
  if (!connectionString || !ca) throw new Error('global-setup did not start the stack');
  return { connectionString, ca };
}

export async function deviceExists(id: string): Promise<boolean> {
  const { connectionString, ca } = connection();
  const response = await hubRequest(
    connectionString,
    ca,
    'GET',
    `/devices/${encodeURIComponent(id)}`,
  );
  if (response.status !== 200 && response.status !== 404)
    throw new Error(`GET device ${id}: ${response.status}`);
  return response.status === 200;
}

export async function totalDeviceCount(): Promise<number> {
  const { connectionString, ca } = connection();
  const response = await hubRequest(connectionString, ca, 'GET', '/statistics/devices');
  return (response.body as { totalDeviceCount: number }).totalDeviceCount;
}

/** Registers devices straight through the hub's bulk API, 100 per call as the hub requires. */
export async function createDevices(ids: readonly string[]): Promise<void> {
  const { connectionString, ca } = connection();
  for (let start = 0; start < ids.length; start += 100) {
    const batch = ids
      .slice(start, start + 100)
      .map((id) => ({ id, importMode: 'create', status: 'enabled' }));
    const response = await hubRequest(connectionString, ca, 'POST', '/devices', batch);
    if (response.status !== 200)
      throw new Error(`bulk create: ${response.status} ${JSON.stringify(response.body)}`);
  }
}

/** The emulator hub's host name, from the connection string the stack was started with. */
export function hubHostName(): string {
  const match = /(?:^|;)HostName=([^;]+)/i.exec(connection().connectionString);
  if (!match?.[1]) throw new Error('the hub connection string has no HostName');
  return match[1];
}

/** A device's status and symmetric keys, as the hub holds them. */
export async function deviceIdentity(
  id: string,
): Promise<{ status: string; primaryKey: string | null; secondaryKey: string | null }> {
  const { connectionString, ca } = connection();
  const response = await hubRequest(
    connectionString,
    ca,
    'GET',
    `/devices/${encodeURIComponent(id)}`,
  );
  if (response.status !== 200) throw new Error(`GET device ${id}: ${response.status}`);
  const body = response.body as {
    status: string;
    authentication?: { symmetricKey?: { primaryKey?: string; secondaryKey?: string } };
  };
  return {
    status: body.status,
    primaryKey: body.authentication?.symmetricKey?.primaryKey ?? null,
    secondaryKey: body.authentication?.symmetricKey?.secondaryKey ?? null,
  };
}

/** When the hub created a device, as its generationId (.NET ticks): later creations are larger. */
export async function deviceGeneration(id: string): Promise<bigint> {
  const { connectionString, ca } = connection();
  const response = await hubRequest(
    connectionString,
    ca,
    'GET',
    `/devices/${encodeURIComponent(id)}`,
  );
  if (response.status !== 200) throw new Error(`GET device ${id}: ${response.status}`);
  return BigInt((response.body as { generationId: string }).generationId);
}

/** A device-to-cloud message through the hub's device API: it stamps lastActivityTime. */
export async function sendDeviceMessage(id: string): Promise<void> {
  const { connectionString, ca } = connection();
  const response = await hubRequest(
    connectionString,
    ca,
    'POST',
    `/devices/${encodeURIComponent(id)}/messages/events`,
    { temperature: 21 },
  );
  if (response.status !== 204) throw new Error(`message from ${id}: ${response.status}`);
}
