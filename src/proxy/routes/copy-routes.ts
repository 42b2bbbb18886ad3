import type { FastifyInstance } from 'fastify';
import { CreateCopyRequest } from '../../contracts/api/copies';
import { principalOf, requireRole } from '../auth/authenticate';
import { sourceHubFor, type CopyHub, type GlobalRoleNames } from '../copies/copy-hubs';
import { COPY_REPORT_BLOB, createCopy } from '../copies/create-copy';
import { readCopy, readStoredCopy } from '../copies/read-copy';
import { verifyCopyOperation } from '../copies/verify-copy';
import { audited, parseBody, STATE_CHANGING_LIMIT } from './route-support';

// The copy of another hub into this one (docs/bulk-flows.md, "Copy a hub into another"), served in
// the target hub's scope; admins only, of both hubs (copies/copy-hubs.ts).

interface CopyParams {
  Params: { operationId: string };
}

export function registerCopyRoutes(
  app: FastifyInstance,
  target: CopyHub,
  hubs: readonly CopyHub[],
  roleNames: GlobalRoleNames,
): void {
  const admin = requireRole('admin');
  app.post('/copies', { preHandler: admin, config: STATE_CHANGING_LIMIT }, async (request) => {
    const body = parseBody(CreateCopyRequest, request.body);
    const principal = principalOf(request);
    return audited(
      target.context,
      request,
      {
        action: 'copy.create',
        details: {
          sourceHubId: body.sourceHubId,
          sourceExportOperationId: body.sourceExportOperationId,
          mode: body.mode,
        },
      },
      () =>
        createCopy(
          target,
          sourceHubFor(hubs, body.sourceHubId, principal, roleNames),
          principal,
          body,
        ),
      (copy) => ({ operationId: copy.operationId }),
    );
  });

  app.get<CopyParams>('/copies/:operationId', { preHandler: admin }, (request) =>
    readCopy(target, request.params.operationId),
  );

  // What the rewrite left out or adjusted, one line each (no key is ever in it).
  app.get<CopyParams>(
    '/copies/:operationId/report',
    { preHandler: admin },
    async (request, reply) => {
      const stored = await readStoredCopy(target, request.params.operationId);
      const blob = await target.context.storage.openBlob(stored.operationId, COPY_REPORT_BLOB);
      if (!blob) return reply.type('application/x-ndjson').send('');
      reply.header('content-length', String(blob.size));
      return reply.type('application/x-ndjson').send(blob.stream);
    },
  );

  app.post<CopyParams>(
    '/copies/:operationId/verify',
    { preHandler: admin, config: STATE_CHANGING_LIMIT },
    async (request) => {
      const principal = principalOf(request);
      const { operationId } = request.params;
      return audited(
        target.context,
        request,
        { action: 'copy.verify', operationId },
        async () => {
          const stored = await readStoredCopy(target, operationId);
          const source = sourceHubFor(hubs, stored.metadata.copy.sourceHubId, principal, roleNames);
          return verifyCopyOperation(target, source, principal, operationId);
        },
        (copy) => ({ details: { state: copy.verification?.state } }),
      );
    },
  );
}
