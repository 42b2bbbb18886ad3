import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startTestHub, type TestHub } from './hub-fixture';

// Raw REST behaviour the SDK does not expose: SAS parsing, api-version, rights, the error envelope,
// If-Match rules and the identity validation rules of docs/reference/hub-wire-contract.md#limits.
let hub: TestHub;
let strictHub: TestHub;

beforeAll(async () => {
  [hub, strictHub] = await Promise.all([
    startTestHub(),
    startTestHub({ strictDeviceIds: true, deviceCap: 2 }),
  ]);
});

afterAll(async () => {
  await Promise.all([hub?.dispose(), strictHub?.dispose()]);
});

function ownerKey(target: TestHub): string {
  return /SharedAccessKey=([^;]+)/.exec(target.connectionString)?.[1] ?? '';
}

function token(fields: {
  sr: string;
  se: number;
  skn?: string;
  key?: string;
  order?: string[];
  slashRaw?: boolean;
}): string {
  const sig = createHmac('sha256', Buffer.from(fields.key ?? ownerKey(hub), 'base64'))
    .update(`${fields.sr}\n${fields.se}`)
    .digest('base64');
  const values: Record<string, string> = {
    sr: fields.sr,
    sig: fields.slashRaw ? encodeURIComponent(sig).replaceAll('%2F', '/') : encodeURIComponent(sig),
    se: String(fields.se),
    skn: fields.skn ?? 'iothubowner',
  };
  return `SharedAccessSignature ${(fields.order ?? ['sr', 'sig', 'se', 'skn']).map((k) => `${k}=${values[k]}`).join('&')}`;
}

const inAnHour = (): number => Math.floor(Date.now() / 1000) + 3600;

describe('SAS and api-version', () => {
  it('accepts fields in any order and sr with the port', async () => {
    const auth = token({
      sr: encodeURIComponent(hub.hostName),
      se: inAnHour(),
      order: ['skn', 'se', 'sig', 'sr'],
    });
    expect((await rawRequest(hub, 'GET', '/statistics/devices', { auth })).status).toBe(200);
  });

  it('accepts a signature whose slashes are not percent-encoded', async () => {
    // Find an expiry whose signature contains a '/', as Python's quote leaves it raw.
    let se = inAnHour();
    while (
      !createHmac('sha256', Buffer.from(ownerKey(hub), 'base64'))
        .update(`localhost\n${se}`)
        .digest('base64')
        .includes('/')
    )
      se++;
    expect(
      (
        await rawRequest(hub, 'GET', '/statistics/devices', {
          auth: token({ sr: 'localhost', se, slashRaw: true }),
        })
      ).status,
    ).toBe(200);
  });

  it('honours five minutes of clock skew and no more', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(
      (
        await rawRequest(hub, 'GET', '/statistics/devices', {
          auth: token({ sr: 'localhost', se: now - 200 }),
        })
      ).status,
    ).toBe(200);
    const expired = await rawRequest(hub, 'GET', '/statistics/devices', {
      auth: token({ sr: 'localhost', se: now - 400 }),
    });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('iothub-errorcode')).toBe('IotHubUnauthorizedAccess');
  });

  it('rejects an unknown policy and a token for another host', async () => {
    expect(
      (
        await rawRequest(hub, 'GET', '/statistics/devices', {
          auth: token({ sr: 'localhost', se: inAnHour(), skn: 'nobody' }),
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await rawRequest(hub, 'GET', '/statistics/devices', {
          auth: token({ sr: 'otherhub.azure-devices.net', se: inAnHour() }),
        })
      ).status,
    ).toBe(401);
  });

  it('answers an unsupported api-version with InvalidProtocolVersion in the hub envelope', async () => {
    const response = await rawRequest(hub, 'GET', '/statistics/devices?api-version=2016-02-03');
    expect(response.status).toBe(400);
    expect(response.headers.get('iothub-errorcode')).toBe('InvalidProtocolVersion');
    const body = response.json as { Message: string; ExceptionMessage: string };
    expect(body.Message).toMatch(/^ErrorCode:InvalidProtocolVersion;/);
    expect(body.ExceptionMessage).toMatch(
      /^Tracking ID:[0-9a-f]{32}-G:0-TimeStamp:\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/,
    );
  });

  it('lets registryRead read but not write', async () => {
    expect(
      (await rawRequest(hub, 'GET', '/devices?top=1', { policy: 'registryRead' })).status,
    ).toBe(200);
    const write = await rawRequest(hub, 'PUT', '/devices/rr-1', {
      policy: 'registryRead',
      body: { deviceId: 'rr-1' },
    });
    expect(write.status).toBe(401);
    expect(write.headers.get('iothub-errorcode')).toBe('IotHubUnauthorizedAccess');
  });

  it('answers an unknown route with a loud 501', async () => {
    expect((await rawRequest(hub, 'GET', '/nothing/here')).status).toBe(501);
  });
});

describe('device identity rules', () => {
  it('creates without If-Match only once, then updates only with a matching If-Match', async () => {
    const created = await rawRequest(hub, 'PUT', '/devices/im-1', { body: { deviceId: 'im-1' } });
    expect(created.status).toBe(200);
    const etag = (created.json as { etag: string }).etag;
    expect(created.headers.get('etag')).toBe(`"${etag}"`);
    expect((created.json as { lastActivityTime: string }).lastActivityTime).toBe(
      '0001-01-01T00:00:00',
    );
    expect(
      (await rawRequest(hub, 'PUT', '/devices/im-1', { body: { deviceId: 'im-1', etag } })).status,
    ).toBe(409);
    const stale = await rawRequest(hub, 'PUT', '/devices/im-1', {
      body: { deviceId: 'im-1' },
      headers: { 'if-match': '"MTIzNDU2"' },
    });
    expect(stale.status).toBe(412);
    expect((stale.json as { Message: string }).Message).toMatch(
      /^ErrorCode:PreconditionFailed;Precondition failed: Device version did not match/,
    );
    expect(
      (
        await rawRequest(hub, 'PUT', '/devices/im-1', {
          body: { deviceId: 'im-1' },
          headers: { 'if-match': `"${etag}"` },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await rawRequest(hub, 'PUT', '/devices/im-missing', {
          body: {},
          headers: { 'if-match': '*' },
        })
      ).status,
    ).toBe(404);
  });

  it('refuses DELETE without If-Match and deletes with it', async () => {
    await rawRequest(hub, 'PUT', '/devices/del-1', { body: { deviceId: 'del-1' } });
    expect((await rawRequest(hub, 'DELETE', '/devices/del-1')).status).toBe(412);
    expect(
      (await rawRequest(hub, 'DELETE', '/devices/del-1', { headers: { 'if-match': '*' } })).status,
    ).toBe(204);
    const missing = await rawRequest(hub, 'DELETE', '/devices/del-1', {
      headers: { 'if-match': '*' },
    });
    expect([missing.status, (missing.json as { Message: string }).Message]).toEqual([
      404,
      'ErrorCode:DeviceNotFound;del-1',
    ]);
  });

  const key = (bytes: number): string => Buffer.alloc(bytes, 1).toString('base64');
  const invalidBodies: [string, Record<string, unknown>][] = [
    [
      'a key of 8 bytes',
      { authentication: { symmetricKey: { primaryKey: key(8), secondaryKey: key(8) } } },
    ],
    [
      'a key of 65 bytes',
      { authentication: { symmetricKey: { primaryKey: key(65), secondaryKey: key(32) } } },
    ],
    [
      'only one key',
      { authentication: { symmetricKey: { primaryKey: key(32), secondaryKey: '' } } },
    ],
    [
      'a 39-character thumbprint',
      {
        authentication: {
          type: 'selfSigned',
          x509Thumbprint: { primaryThumbprint: 'A'.repeat(39) },
        },
      },
    ],
    [
      'keys and thumbprints together',
      {
        authentication: {
          symmetricKey: { primaryKey: key(32), secondaryKey: key(32) },
          x509Thumbprint: { primaryThumbprint: 'A'.repeat(40) },
        },
      },
    ],
    ['a statusReason of 129 characters', { statusReason: 'x'.repeat(129) }],
    ['authentication type none', { authentication: { type: 'none' } }],
  ];
  for (const [name, body] of invalidBodies) {
    it(`rejects ${name} with ArgumentInvalid`, async () => {
      const response = await rawRequest(hub, 'PUT', '/devices/bad-1', {
        body: { deviceId: 'bad-1', ...body },
      });
      expect([response.status, response.headers.get('iothub-errorcode')]).toEqual([
        400,
        'ArgumentInvalid',
      ]);
    });
  }

  it('accepts 64-hex thumbprints and generates keys when they are empty', async () => {
    const thumb = await rawRequest(hub, 'PUT', '/devices/x509-1', {
      body: {
        authentication: {
          type: 'selfSigned',
          x509Thumbprint: { primaryThumbprint: 'ab'.repeat(32) },
        },
      },
    });
    expect(thumb.status).toBe(200);
    const sas = await rawRequest(hub, 'PUT', '/devices/sas-1', {
      body: { authentication: { type: 'sas', symmetricKey: { primaryKey: '', secondaryKey: '' } } },
    });
    expect(
      Buffer.from(
        (sas.json as { authentication: { symmetricKey: { secondaryKey: string } } }).authentication
          .symmetricKey.secondaryKey,
        'base64',
      ),
    ).toHaveLength(32);
  });

  it('rejects an id with a space, accepts + and # unless strict', async () => {
    expect(
      (await rawRequest(hub, 'PUT', `/devices/${encodeURIComponent('a b')}`, { body: {} })).status,
    ).toBe(400);
    expect(
      (await rawRequest(hub, 'PUT', `/devices/${encodeURIComponent('dev+1#x')}`, { body: {} }))
        .status,
    ).toBe(200);
    expect(
      (await rawRequest(strictHub, 'PUT', `/devices/${encodeURIComponent('dev+1')}`, { body: {} }))
        .status,
    ).toBe(400);
  });

  it('refuses identities beyond the device cap with IotHubQuotaExceeded', async () => {
    expect((await rawRequest(strictHub, 'PUT', '/devices/cap-1', { body: {} })).status).toBe(200);
    expect(
      (await rawRequest(strictHub, 'PUT', '/devices/cap-1/modules/m1', { body: {} })).status,
    ).toBe(200);
    const over = await rawRequest(strictHub, 'PUT', '/devices/cap-2', { body: {} });
    expect([over.status, over.headers.get('iothub-errorcode')]).toEqual([
      403,
      'IotHubQuotaExceeded',
    ]);
  });
});

describe('bulk registry operations', () => {
  it('refuses duplicate ids and more than 100 items', async () => {
    const dup = await rawRequest(hub, 'POST', '/devices', {
      body: [
        { id: 'b-1', importMode: 'create' },
        { id: 'b-1', importMode: 'create' },
      ],
    });
    expect([dup.status, dup.headers.get('iothub-errorcode')]).toEqual([
      400,
      'DeviceDefinedMultipleTimes',
    ]);
    const many = await rawRequest(hub, 'POST', '/devices', {
      body: Array.from({ length: 101 }, (_, i) => ({ id: `many-${i}`, importMode: 'create' })),
    });
    expect([many.status, many.headers.get('iothub-errorcode')]).toEqual([413, 'TooManyDevices']);
  });

  it('refuses two items for modules of one device as DeviceDefinedMultipleTimes', async () => {
    await rawRequest(hub, 'PUT', '/devices/two-mods', { body: {} });
    const response = await rawRequest(hub, 'POST', '/devices', {
      body: [
        { id: 'two-mods', moduleId: 'm1', importMode: 'create' },
        { id: 'two-mods', moduleId: 'm2', importMode: 'create' },
      ],
    });
    expect([response.status, response.headers.get('iothub-errorcode')]).toEqual([
      400,
      'DeviceDefinedMultipleTimes',
    ]);
    expect((await rawRequest(hub, 'GET', '/devices/two-mods/modules')).json).toEqual([]);
  });

  it('reports a partial failure as 400 with integer error codes', async () => {
    await rawRequest(hub, 'POST', '/devices', { body: [{ id: 'p-1', importMode: 'create' }] });
    const response = await rawRequest(hub, 'POST', '/devices', {
      body: [
        { id: 'p-1', importMode: 'create' },
        { id: 'p-2', importMode: 'Create' },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('iothub-errorcode')).toBe('BulkRegistryOperationFailure');
    expect(response.headers.get('iothuberrorcode')).toBe('BulkRegistryOperationFailure');
    expect(response.json).toEqual({
      isSuccessful: false,
      errors: [
        {
          deviceId: 'p-1',
          errorCode: 409001,
          errorStatus: "A device with ID 'p-1' is already registered.",
        },
      ],
      warnings: [],
    });
    expect((await rawRequest(hub, 'GET', '/devices/p-2')).status).toBe(200);
  });
});

describe('query and twins', () => {
  it('counts devices with an alias as a Raw item', async () => {
    const response = await rawRequest(hub, 'POST', '/devices/query', {
      body: { query: "SELECT COUNT() AS n FROM devices WHERE status = 'enabled'" },
    });
    expect(response.headers.get('x-ms-item-type')).toBe('Raw');
    expect((response.json as [{ n: number }])[0].n).toBeGreaterThan(0);
  });

  it('filters on desired properties with OR and omits the continuation on the last page', async () => {
    await rawRequest(hub, 'PUT', '/devices/q-a', { body: {} });
    await rawRequest(hub, 'PATCH', '/twins/q-a', {
      body: { properties: { desired: { fw: '1.2' } } },
    });
    const response = await rawRequest(hub, 'POST', '/devices/query', {
      body: {
        query: "SELECT * FROM devices WHERE properties.desired.fw = '1.2' OR deviceId = 'p-2'",
      },
    });
    expect((response.json as { deviceId: string }[]).map((t) => t.deviceId).sort()).toEqual([
      'p-2',
      'q-a',
    ]);
    expect(response.headers.get('x-ms-item-type')).toBe('Twin');
    expect(response.headers.get('x-ms-continuation')).toBeNull();
  });

  it('refuses a query it does not understand', async () => {
    expect(
      (
        await rawRequest(hub, 'POST', '/devices/query', {
          body: { query: 'SELECT deviceId FROM devices GROUP BY status' },
        })
      ).status,
    ).toBe(400);
  });

  it('replaces tags with PUT and removes a desired key with a null PATCH', async () => {
    await rawRequest(hub, 'PUT', '/devices/tw-1', { body: {} });
    await rawRequest(hub, 'PATCH', '/twins/tw-1', {
      body: { tags: { a: 1, b: 2 }, properties: { desired: { x: 1, y: 2 } } },
    });
    await rawRequest(hub, 'PATCH', '/twins/tw-1', {
      body: { properties: { desired: { x: null } } },
    });
    const replaced = await rawRequest(hub, 'PUT', '/twins/tw-1', {
      body: { tags: { c: 3 }, properties: { desired: { y: 2 } } },
    });
    const twin = replaced.json as {
      tags: unknown;
      properties: { desired: Record<string, unknown> };
      version: number;
    };
    expect(twin.tags).toEqual({ c: 3 });
    expect(twin.properties.desired.x).toBeUndefined();
    expect(twin.properties.desired.y).toBe(2);
    expect(twin.version).toBe(5);
  });
});

describe('modules', () => {
  it('creates, lists, reads, twins and deletes a module', async () => {
    await rawRequest(hub, 'PUT', '/devices/mod-host', { body: {} });
    const created = await rawRequest(hub, 'PUT', '/devices/mod-host/modules/m1', {
      body: { moduleId: 'm1', deviceId: 'mod-host' },
    });
    expect(created.status).toBe(200);
    expect(Object.keys(created.json as object)).toEqual([
      'moduleId',
      'managedBy',
      'deviceId',
      'generationId',
      'etag',
      'connectionState',
      'connectionStateUpdatedTime',
      'lastActivityTime',
      'cloudToDeviceMessageCount',
      'authentication',
    ]);
    expect(
      (await rawRequest(hub, 'PUT', '/devices/mod-host/modules/m1', { body: {} })).headers.get(
        'iothub-errorcode',
      ),
    ).toBe('ModuleAlreadyExistsOnDevice');
    expect(
      (
        (await rawRequest(hub, 'GET', '/devices/mod-host/modules')).json as { moduleId: string }[]
      ).map((m) => m.moduleId),
    ).toEqual(['m1']);
    expect(
      ((await rawRequest(hub, 'GET', '/twins/mod-host/modules/m1')).json as { moduleId: string })
        .moduleId,
    ).toBe('m1');
    expect((await rawRequest(hub, 'PUT', '/devices/no-host/modules/m1', { body: {} })).status).toBe(
      404,
    );
    expect(
      (
        await rawRequest(hub, 'DELETE', '/devices/mod-host/modules/m1', {
          headers: { 'if-match': '*' },
        })
      ).status,
    ).toBe(204);
    expect(
      (await rawRequest(hub, 'GET', '/devices/mod-host/modules/m1')).headers.get(
        'iothub-errorcode',
      ),
    ).toBe('ModuleNotFound');
  });

  it('deletes the modules of a deleted device', async () => {
    await rawRequest(hub, 'PUT', '/devices/mod-gone', { body: {} });
    await rawRequest(hub, 'PUT', '/devices/mod-gone/modules/m1', { body: {} });
    await rawRequest(hub, 'DELETE', '/devices/mod-gone', { headers: { 'if-match': '*' } });
    await rawRequest(hub, 'PUT', '/devices/mod-gone', { body: {} });
    expect((await rawRequest(hub, 'GET', '/devices/mod-gone/modules')).json).toEqual([]);
  });

  it('answers malformed percent-encoding in a path with ArgumentInvalid', async () => {
    const response = await rawRequest(hub, 'GET', '/devices/%E0%A4%A');
    expect([response.status, response.headers.get('iothub-errorcode')]).toEqual([
      400,
      'ArgumentInvalid',
    ]);
  });
});
