import type { FastifyInstance } from 'fastify';
import { CreateDeleteAllRequest } from '../../contracts/api/delete-all';
import { principalOf, requireRole } from '../auth/authenticate';
import type { CopyHub } from '../copies/copy-hubs';
import { createDeleteAll } from '../copies/create-delete-all';
import { deleteAllConfigurations } from '../copies/delete-all-configurations';
import { readDeleteAll } from '../copies/read-delete-all';
import type { HubConfigurationsClient } from '../hub/hub-configurations';
import { audited, parseBody, STATE_CHANGING_LIMIT } from './route-support';

// "Delete all devices and configurations" of this hub (docs/bulk-flows.md), admins only.

interface DeleteAllParams {
  Params: { operationId: string };
}

export function registerDeleteAllRoutes(
  app: FastifyInstance,
  hub: CopyHub,
  configurations: HubConfigurationsClient,
): void {
  const admin = requireRole('admin');
  app.post('/delete-all', { preHandler: admin, config: STATE_CHANGING_LIMIT }, async (request) => {
    const body = parseBody(CreateDeleteAllRequest, request.body);
    return audited(
      hub.context,
      request,
      { action: 'delete-all.create', details: { exportOperationId: body.exportOperationId } },
      () => createDeleteAll(hub, principalOf(request), body),
      (created) => ({ operationId: created.operationId }),
    );
  });

  app.get<DeleteAllParams>('/delete-all/:operationId', { preHandler: admin }, (request) =>
    readDeleteAll(hub, request.params.operationId),
  );

  app.post<DeleteAllParams>(
    '/delete-all/:operationId/configurations',
    { preHandler: admin, config: STATE_CHANGING_LIMIT },
    async (request) => {
      const { operationId } = request.params;
      return audited(
        hub.context,
        request,
        { action: 'delete-all.configurations', operationId },
        () => deleteAllConfigurations(hub, configurations, operationId),
        (done) => ({ details: { deleted: done.configurations?.deleted } }),
      );
    },
  );
}
