import { randomUUID } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { fetch } from 'undici';
import { expect } from 'vitest';
import { parseHubConnectionString } from '../../src/proxy/hub/connection-string';
import { signHubSasToken } from '../../src/proxy/hub/sas-token';

// What the emulator claims about the hub's service API and the proxy relies on, as cases that run
// against any hub: the emulator in the integration suite, a real hub in `npm run test:live`
// (docs/hub-emulator.md, "Conformance"). Read-only: no case changes the registry.

export interface HubTarget {
  connectionString: string;
  /** A local CA's agent for the emulator; none for a real hub. */
  dispatcher?: Dispatcher;
}

export interface ConformanceCase {
  name: string;
  run(target: HubTarget): Promise<void>;
}

async function call(
  target: HubTarget,
  path: string,
  init: { method?: string; auth?: string; headers?: Record<string, string> } = {},
) {
  const { hostName } = parseHubConnectionString(target.connectionString);
  const separator = path.includes('?') ? '&' : '?';
  const url = `https://${hostName}${path}${path.includes('api-version=') ? '' : `${separator}api-version=2021-04-12`}`;
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { authorization: init.auth ?? sas(target), ...init.headers },
    ...(target.dispatcher ? { dispatcher: target.dispatcher } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
}

function sas(target: HubTarget, expiresInSeconds = 600): string {
  return signHubSasToken(
    parseHubConnectionString(target.connectionString),
    Math.floor(Date.now() / 1000) + expiresInSeconds,
  );
}

export const HUB_CONFORMANCE_CASES: readonly ConformanceCase[] = [
  {
    name: 'device statistics carry the three counts as numbers',
    async run(target) {
      const response = await call(target, '/statistics/devices');
      expect(response.status).toBe(200);
      const body = JSON.parse(response.text) as Record<string, unknown>;
      for (const field of ['totalDeviceCount', 'enabledDeviceCount', 'disabledDeviceCount'])
        expect(typeof body[field]).toBe('number');
    },
  },
  {
    name: 'the jobs list is a JSON array',
    async run(target) {
      const response = await call(target, '/jobs');
      expect(response.status).toBe(200);
      expect(Array.isArray(JSON.parse(response.text))).toBe(true);
    },
  },
  {
    name: 'an unknown device is 404 DeviceNotFound in header and envelope',
    async run(target) {
      const response = await call(target, `/devices/conformance-${randomUUID()}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('iothub-errorcode')).toBe('DeviceNotFound');
      expect(response.text).toContain('DeviceNotFound');
    },
  },
  {
    name: 'deleting an unknown device with If-Match * is 404, so a write probe changes nothing',
    async run(target) {
      const response = await call(target, `/devices/conformance-${randomUUID()}`, {
        method: 'DELETE',
        headers: { 'if-match': '*' },
      });
      expect(response.status).toBe(404);
      expect(response.headers.get('iothub-errorcode')).toBe('DeviceNotFound');
    },
  },
  {
    name: 'a SAS token with a wrong signature is 401 IotHubUnauthorizedAccess',
    async run(target) {
      const forged = sas(target).replace(
        /sig=[^&]+/,
        `sig=${encodeURIComponent('AAAA'.repeat(11))}`,
      );
      const response = await call(target, '/statistics/devices', { auth: forged });
      expect(response.status).toBe(401);
      expect(response.headers.get('iothub-errorcode')).toBe('IotHubUnauthorizedAccess');
    },
  },
  {
    name: 'an unsupported api-version is 400 InvalidProtocolVersion',
    async run(target) {
      const response = await call(target, '/statistics/devices?api-version=2016-02-03');
      expect(response.status).toBe(400);
      expect(response.headers.get('iothub-errorcode')).toBe('InvalidProtocolVersion');
    },
  },
  {
    name: 'every answer carries a Date header (the setup check compares clocks with it)',
    async run(target) {
      const response = await call(target, '/statistics/devices', { auth: 'Bearer x' });
      expect(Number.isNaN(Date.parse(response.headers.get('date') ?? ''))).toBe(false);
    },
  },
];
