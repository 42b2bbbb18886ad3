import type { Route } from '../http/route';
import type { HandlerDeps } from './handler-deps';

// GET /statistics/devices and /statistics/service
// (docs/reference/hub-wire-contract.md#statistics-and-configurations). The emulator's counts are
// exact; nothing ever connects, so connectedDeviceCount is 0.
export function statisticsRoutes(deps: HandlerDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/statistics/devices',
      rights: ['RegistryRead'],
      handle: () => ({ status: 200, body: deps.store.deviceStatistics() }),
    },
    {
      method: 'GET',
      path: '/statistics/service',
      rights: ['RegistryRead', 'ServiceConnect'],
      handle: () => ({ status: 200, body: { connectedDeviceCount: 0 } }),
    },
  ];
}
