import type { FastifyInstance } from 'fastify';
import { CreateExportRequest } from '../../contracts/api/exports';
import type { EnqueueResponse } from '../../contracts/api/queue';
import { principalOf, requireRole } from '../auth/authenticate';
import { ApiError } from '../http/api-error';
import type { ProxyContext } from '../operations/proxy-context';
import { describeQueue, toEntry } from '../queue/describe-queue';
import { enqueueExport } from '../queue/enqueue-export';
import type { OperationQueue } from '../queue/operation-queue';
import { audited, parseBody, STATE_CHANGING_LIMIT } from './route-support';

// POST /api/exports/enqueue: an export that waits in the hub's queue (docs/proxy.md, "Queue and
// monitor"). A route of its own rather than a flag on POST /api/exports, whose answer is a started
// job: this one answers a queue entry, like the import's enqueue.
export function registerExportQueueRoutes(
  app: FastifyInstance,
  context: ProxyContext,
  queue: OperationQueue | undefined,
  hubId: string,
): void {
  app.post(
    '/exports/enqueue',
    { preHandler: requireRole('admin'), config: STATE_CHANGING_LIMIT },
    async (request): Promise<EnqueueResponse> => {
      const body = parseBody(CreateExportRequest, request.body);
      if (!queue)
        throw new ApiError(
          503,
          'QUEUE_DISABLED',
          'This console has no queue configured; start the export once the slot is free.',
        );
      const row = await audited(
        context,
        request,
        {
          action: 'export.enqueue',
          details: {
            excludeKeys: body.excludeKeys,
            includeConfigurations: body.includeConfigurations,
          },
        },
        () => enqueueExport(context, queue, principalOf(request), body),
        (queued) => ({
          operationId: queued.operationId,
          details: {
            excludeKeys: body.excludeKeys,
            includeConfigurations: body.includeConfigurations,
            entryId: queued.entryId,
          },
        }),
      );
      const described = await describeQueue(context, queue).catch(() => undefined);
      const entry = described?.entries.find((candidate) => candidate.entryId === row.entryId);
      return { entry: { hubId, ...(entry ?? toEntry(row, null, null)) } };
    },
  );
}
