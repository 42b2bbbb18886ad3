import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from 'azure-iothub';
import { rawRequest, sdkRegistry, startTestHub, type TestHub } from './hub-fixture';

// Request property names are matched case-insensitively, as Newtonsoft.Json does on the service:
// the Node SDK's conditional bulk calls send the device's lower-case `etag`, which must guard the
// write instead of being ignored.
let hub: TestHub;
let registry: Registry;
const key = (fill: number): string => Buffer.alloc(32, fill).toString('base64');

beforeAll(async () => {
  hub = await startTestHub();
  registry = await sdkRegistry(hub.connectionString);
});

afterAll(async () => {
  await hub?.dispose();
});

type BulkResult = { isSuccessful: boolean; errors: { deviceId: string; errorCode: number }[] };

async function bulkFailure(work: Promise<unknown>): Promise<BulkResult> {
  // The SDK turns the hub's HTTP 400 partial failure into an error carrying the response body.
  try {
    const result = (await work) as { responseBody: BulkResult };
    return result.responseBody;
  } catch (error) {
    const text = (error as { responseBody?: string }).responseBody ?? '';
    return JSON.parse(text) as BulkResult;
  }
}

describe('property names in any case', () => {
  it("refuses the SDK's updateDevices(force=false) when the device's etag is stale", async () => {
    await registry.addDevices([{ deviceId: 'case-stale' }]);
    const current = (await registry.get('case-stale')).responseBody;
    await registry.update({ deviceId: 'case-stale', status: 'disabled' });
    const result = await bulkFailure(
      registry.updateDevices([{ ...current, status: 'enabled' }], false),
    );
    expect(result.isSuccessful).toBe(false);
    expect(result.errors).toEqual([
      expect.objectContaining({ deviceId: 'case-stale', errorCode: 412001 }),
    ]);
    expect((await registry.get('case-stale')).responseBody.status).toBe('disabled');
  });

  it("applies the SDK's updateDevices(force=false) when the etag is current", async () => {
    await registry.addDevices([{ deviceId: 'case-current' }]);
    const current = (await registry.get('case-current')).responseBody;
    const result = await registry.updateDevices([{ ...current, status: 'disabled' }], false);
    expect(result.responseBody.isSuccessful).toBe(true);
    expect((await registry.get('case-current')).responseBody.status).toBe('disabled');
  });

  it("refuses the SDK's removeDevices(force=false) with a stale etag", async () => {
    await registry.addDevices([{ deviceId: 'case-remove' }]);
    const stale = (await registry.get('case-remove')).responseBody;
    await registry.update({ deviceId: 'case-remove', status: 'disabled' });
    const result = await bulkFailure(registry.removeDevices([stale], false));
    expect(result.errors[0]?.errorCode).toBe(412001);
    expect((await rawRequest(hub, 'GET', '/devices/case-remove')).status).toBe(200);
  });

  it('reads PascalCase names in bulk items, nested objects included', async () => {
    const response = await rawRequest(hub, 'POST', '/devices', {
      body: [
        {
          Id: 'case-pascal',
          ImportMode: 'create',
          Status: 'disabled',
          Authentication: { SymmetricKey: { PrimaryKey: key(1), SecondaryKey: key(2) } },
          Capabilities: { IotEdge: false },
          Tags: { Site: 'kept as written' },
        },
      ],
    });
    expect(response.status).toBe(200);
    const device = (await rawRequest(hub, 'GET', '/devices/case-pascal')).json as {
      status: string;
      authentication: { symmetricKey: { primaryKey: string } };
    };
    expect(device.status).toBe('disabled');
    expect(device.authentication.symmetricKey.primaryKey).toBe(key(1));
    const twin = (await rawRequest(hub, 'GET', '/twins/case-pascal')).json as { tags: unknown };
    expect(twin.tags).toEqual({ Site: 'kept as written' });
  });

  it('reads a PUT body whose names are not camelCase', async () => {
    const response = await rawRequest(hub, 'PUT', '/devices/case-put', {
      body: { DeviceId: 'case-put', STATUS: 'disabled' },
    });
    expect((response.json as { status: string }).status).toBe('disabled');
  });
});
