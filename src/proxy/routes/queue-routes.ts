import type { FastifyInstance } from 'fastify';
import type { EnqueueResponse, QueueResponse } from '../../contracts/api/queue';
import { principalOf, requireRole } from '../auth/authenticate';
import { ApiError } from '../http/api-error';
import type { ProxyContext } from '../operations/proxy-context';
import { cancelQueueEntry } from '../queue/cancel-queue-entry';
import { describeQueue, toEntry } from '../queue/describe-queue';
import { discardQueuedExport } from '../queue/enqueue-export';
import { enqueueImport } from '../queue/enqueue-import';
import type { OperationQueue } from '../queue/operation-queue';
import { audited, STATE_CHANGING_LIMIT } from './route-support';

// The queue's routes are there even when no queue is configured, answering 503 QUEUE_DISABLED, so
// the API (and its OpenAPI document) is the same for every deployment.
export function registerQueueRoutes(
  app: FastifyInstance,
  context: ProxyContext,
  queue: OperationQueue | undefined,
  hubId: string,
): void {
  const configured = (): OperationQueue => {
    if (queue) return queue;
    throw new ApiError(
      503,
      'QUEUE_DISABLED',
      'This console has no queue configured; start the import once the slot is free.',
    );
  };

  app.post<{ Params: { operationId: string } }>(
    '/imports/:operationId/enqueue',
    { preHandler: requireRole('admin'), config: STATE_CHANGING_LIMIT },
    async (request): Promise<EnqueueResponse> => {
      const { operationId } = request.params;
      const row = await audited(
        context,
        request,
        { action: 'import.enqueue', operationId },
        () => enqueueImport(context, configured(), principalOf(request), operationId),
        (queued) => ({ details: { entryId: queued.entryId } }),
      );
      // The position and ETA as the queue stands now; the entry itself is already safe.
      const described = await describeQueue(context, configured()).catch(() => undefined);
      const entry = described?.entries.find((candidate) => candidate.entryId === row.entryId);
      return { entry: { hubId, ...(entry ?? toEntry(row, null, null)) } };
    },
  );

  app.get(
    '/queue',
    { preHandler: requireRole('admin', 'support') },
    async (): Promise<QueueResponse> => {
      const described = await describeQueue(context, configured());
      return {
        hubId,
        ...described,
        entries: described.entries.map((entry) => ({ hubId, ...entry })),
      };
    },
  );

  app.delete<{ Params: { entryId: string } }>(
    '/queue/:entryId',
    { preHandler: requireRole('admin'), config: STATE_CHANGING_LIMIT },
    async (request): Promise<EnqueueResponse> => {
      const { entryId } = request.params;
      const row = await audited(
        context,
        request,
        { action: 'queue.cancel', details: { entryId: entryId.slice(0, 20) } },
        () => cancelQueueEntry(configured(), entryId),
        (cancelled) => ({ operationId: cancelled.operationId }),
      );
      // The entry is gone either way; a container left behind is removed by the cleanup.
      await discardQueuedExport(context, row.operationId).catch(() => undefined);
      return { entry: { hubId, ...toEntry(row, null, null) } };
    },
  );
}
