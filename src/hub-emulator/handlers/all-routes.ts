import type { Route } from '../http/route';
import type { HandlerDeps } from './handler-deps';
import { bulkDeviceRoutes } from './bulk-devices';
import { configurationRoutes } from './configurations';
import { deviceMessageRoutes } from './device-messages';
import { deviceRoutes } from './devices';
import { jobRoutes } from './jobs';
import { moduleRoutes } from './modules';
import { queryRoutes } from './query';
import { statisticsRoutes } from './statistics';
import { twinRoutes } from './twins';

// Every REST resource the emulator serves. Order matters only where a literal segment shadows a
// parameter (/devices/query before /devices/{id}, /jobs/create before /jobs/{id}).
export function allRoutes(deps: HandlerDeps): Route[] {
  return [
    ...jobRoutes(deps),
    ...statisticsRoutes(deps),
    ...queryRoutes(deps),
    ...bulkDeviceRoutes(deps),
    ...moduleRoutes(deps),
    ...deviceMessageRoutes(deps),
    ...deviceRoutes(deps),
    ...twinRoutes(deps),
    ...configurationRoutes(deps),
  ];
}
