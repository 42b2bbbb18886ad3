import type { FastifyInstance } from 'fastify';
import { CreateExportRequest } from '../../contracts/api/exports';
import { CreateImportRequest } from '../../contracts/api/imports';
import { principalOf, requireRole } from '../auth/authenticate';
import { forbidden } from '../http/api-error';
import type { SupportExportGate } from '../operations/admit-support-export';
import { createImport } from '../operations/create-import';
import type { ProxyContext } from '../operations/proxy-context';
import { startExport } from '../operations/start-export';
import { startImport } from '../operations/start-import';
import { audited, parseBody, STATE_CHANGING_LIMIT } from './route-support';

export function registerOperationRoutes(
  app: FastifyInstance,
  context: ProxyContext,
  supportExports: SupportExportGate,
  hubId: string,
): void {
  app.post(
    '/imports',
    { preHandler: requireRole('admin'), config: STATE_CHANGING_LIMIT },
    async (request) => {
      const body = parseBody(CreateImportRequest, request.body);
      return audited(
        context,
        request,
        {
          action: 'import.create',
          fileSha256: body.sourceSha256,
          details: {
            fileName: body.fileName,
            convertedSha256: body.convertedSha256,
            rows: body.rowCounts.total,
          },
        },
        () => createImport(context, principalOf(request), body),
        (created) => ({ operationId: created.operationId }),
      );
    },
  );

  app.post<{ Params: { operationId: string } }>(
    '/imports/:operationId/start',
    { preHandler: requireRole('admin'), config: STATE_CHANGING_LIMIT },
    async (request) => {
      const { operationId } = request.params;
      return audited(
        context,
        request,
        { action: 'import.start', operationId },
        () => startImport(context, principalOf(request), operationId),
        (started) => ({
          jobId: started.response.job.jobId ?? undefined,
          fileSha256: started.convertedSha256,
        }),
      ).then((started) => ({
        ...started.response,
        job: { hubId, ...started.response.job },
      }));
    },
  );

  app.post(
    '/exports',
    { preHandler: requireRole('admin', 'support'), config: STATE_CHANGING_LIMIT },
    async (request) => {
      const body = parseBody(CreateExportRequest, request.body);
      return audited(
        context,
        request,
        {
          action: 'export.start',
          details: {
            excludeKeys: body.excludeKeys,
            includeConfigurations: body.includeConfigurations,
          },
        },
        async () => {
          const principal = principalOf(request);
          // Admins are never held back; a support export must pass the gate, and gives its claim
          // on the interval back when it does not start.
          if (principal.roles.includes('admin')) return startExport(context, principal, body);
          if (!body.excludeKeys) throw forbidden('Only an admin may export device keys.');
          const claim = await supportExports.admit();
          try {
            return await startExport(context, principal, body);
          } catch (error) {
            await claim.release();
            throw error;
          }
        },
        (started) => ({
          jobId: started.job.jobId ?? undefined,
          operationId: started.job.operationId ?? undefined,
        }),
      ).then((started) => ({ ...started, job: { hubId, ...started.job } }));
    },
  );
}
