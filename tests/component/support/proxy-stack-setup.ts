import type { TestProject } from 'vitest/node';
import { hubRest, sasAuthentication } from '../../integration/proxy/support/hub-rest';
import { startProxyStack } from '../../integration/proxy/support/proxy-stack';
import { ROLE_NAMES } from '../../integration/proxy/support/test-authority';

const HOUR = { expiresInSeconds: 3600 };

// Global setup of the `component` project: one proxy with everything real behind it (Azurite,
// the hub emulator, a token authority), started in Node, not in the DOM environment the tests
// run in: there, packages resolve to their browser builds, as the SPA's do, and the proxy's own
// storage client must not. The tests reach it through `inject` and the SPA's API client.

/** Devices the hub holds before any test, so a plan has something to update. */
export const SEEDED_DEVICES = ['seed-0', 'seed-1'] as const;

declare module 'vitest' {
  export interface ProvidedContext {
    proxyUrl: string;
    /** Bearer tokens of the test authority, valid for the whole run. */
    adminToken: string;
    noRoleToken: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Paced, so an import of a thousand lines holds the hub's job slot for about five seconds: long
  // enough for a second start to find it busy.
  const stack = await startProxyStack({}, { paceDevicesPerSecond: 200 });
  const rest = hubRest(stack.hub, stack.tls.caCertPem);
  try {
    for (const [index, id] of SEEDED_DEVICES.entries())
      await rest.ok('PUT', `/devices/${id}`, {
        deviceId: id,
        authentication: sasAuthentication(index + 1),
      });
  } finally {
    await rest.close();
  }
  // An hour, where the authority's own variants last minutes: the whole project runs on them.
  const token = (roles: string[]) =>
    stack.authority.token({ roles, oid: 'oid-component', name: 'Component Test' }, HOUR);
  project.provide('proxyUrl', stack.url);
  project.provide('adminToken', await token([ROLE_NAMES.admin]));
  project.provide('noRoleToken', await token([]));
  return () => stack.close();
}
