import { describe, expect, it } from 'vitest';
import { authorizeCaller } from '../../../../src/hub-emulator/auth/authorize-caller';
import { dataActionsOfRoles } from '../../../../src/hub-emulator/auth/data-actions';
import { HubError } from '../../../../src/hub-emulator/http/hub-error';
import { compileRoute } from '../../../../src/hub-emulator/http/route';

// Entra principals against routes: the data actions of their roles decide, and a missing one is
// the live hub's 401 IotHubUnauthorized with its words (docs/hub-emulator.md, "Entra ID tokens").

const route = (method: string, path: string) =>
  compileRoute({ method, path, rights: ['RegistryWrite'], handle: () => ({ status: 200 }) });
const principal = (name: string, ...roles: string[]) => ({
  kind: 'bearer' as const,
  principal: { name, actions: dataActionsOfRoles(roles) },
});

describe('authorizeCaller with an Entra principal', () => {
  it('lets IoT Hub Data Contributor write devices and run jobs', () => {
    const contributor = principal('iot-bulk-proxy', 'IoT Hub Data Contributor');
    for (const [method, path] of [
      ['PUT', '/devices/{id}'],
      ['DELETE', '/devices/{id}'],
      ['POST', '/jobs/create'],
      ['GET', '/statistics/devices'],
    ] as const)
      expect(authorizeCaller(contributor, route(method, path), path)).not.toBeInstanceOf(HubError);
  });

  it('refuses a reader a write, naming the principal, the method and the path', () => {
    const refused = authorizeCaller(
      principal('iot-bulk-reader', 'IoT Hub Data Reader'),
      route('PUT', '/devices/{id}'),
      '/devices/d1',
    );
    expect(refused).toBeInstanceOf(HubError);
    expect(refused).toMatchObject({
      errorName: 'IotHubUnauthorized',
      status: 401,
      message:
        'Principal iot-bulk-reader is not authorized for PUT on /devices/d1 due to no assigned permissions',
    });
  });

  it('grants nothing for roles that are not IoT Hub data roles (Owner, Contributor)', () => {
    const owner = principal('ada@example.com', 'Owner', 'Contributor');
    expect(
      authorizeCaller(owner, route('GET', '/statistics/devices'), '/statistics/devices'),
    ).toBeInstanceOf(HubError);
  });

  it('needs both write and delete for a bulk registry call', () => {
    const registry = principal('p', 'IoT Hub Registry Contributor');
    const twins = principal('q', 'IoT Hub Twin Contributor');
    expect(authorizeCaller(registry, route('POST', '/devices'), '/devices')).not.toBeInstanceOf(
      HubError,
    );
    expect(authorizeCaller(twins, route('POST', '/devices'), '/devices')).toBeInstanceOf(HubError);
  });
});
