import type { Route } from '../http/route';
import { hubError } from '../http/hub-error';
import { hubTime } from '../model/hub-time';
import type { HandlerDeps } from './handler-deps';

// Device-to-cloud messages over HTTPS (POST /devices/{id}/messages/events, the device API a device
// or a DeviceConnect policy calls). The emulator has no event stream to put the message in: it
// keeps only what the registry shows of it, the device's lastActivityTime, which the query
// language selects stale devices by (docs/hub-emulator.md, "Device activity"). The body is read
// and dropped. A disabled device is refused, as the hub refuses its connection.
export function deviceMessageRoutes(deps: HandlerDeps): Route[] {
  return [
    {
      method: 'POST',
      path: '/devices/{id}/messages/events',
      rights: ['DeviceConnect'],
      handle: async ({ params, body, now }) => {
        await body();
        const id = params.id ?? '';
        const device = deps.store.getIdentity(id, '');
        if (!device) throw hubError('DeviceNotFound', id);
        if (device.status === 'disabled')
          throw hubError('IotHubUnauthorized', `Device ${id} is disabled.`);
        deps.store.updateIdentity({ ...device, lastActivityTime: hubTime(now) });
        return { status: 204 };
      },
    },
  ];
}
