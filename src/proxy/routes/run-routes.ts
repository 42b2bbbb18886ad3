import type { FastifyInstance } from 'fastify';
import { CreateRunRequest, type RunResponse } from '../../contracts/api/runs';
import { principalOf, requireRole } from '../auth/authenticate';
import { ApiError } from '../http/api-error';
import type { ProxyContext } from '../operations/proxy-context';
import { createRun } from '../queue/create-run';
import { describeRun } from '../queue/describe-run';
import type { OperationQueue } from '../queue/operation-queue';
import { resumeRun } from '../queue/resume-run';
import { audited, parseBody, STATE_CHANGING_LIMIT } from './route-support';

// Chunked imports (docs/proxy.md, "Chunked imports"): split an uploaded import into a run of
// queued chunks, follow the run, resume it after its stop rule fired.
export function registerRunRoutes(
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
      'This console has no queue configured; import the file as one job instead.',
    );
  };

  app.post<{ Params: { operationId: string } }>(
    '/imports/:operationId/chunks',
    { preHandler: requireRole('admin'), config: STATE_CHANGING_LIMIT },
    async (request): Promise<RunResponse> => {
      const { operationId } = request.params;
      const body = parseBody(CreateRunRequest, request.body);
      const run = await audited(
        context,
        request,
        {
          action: 'import.chunks',
          operationId,
          details: { chunkSize: body.chunkSize, stopPercent: body.stopPercent },
        },
        () => createRun(context, configured(), principalOf(request), operationId, body),
        (created) => ({
          details: {
            chunkSize: body.chunkSize,
            stopPercent: body.stopPercent,
            runId: created.runId,
            chunks: (JSON.parse(created.chunkOperationIds) as string[]).length,
          },
        }),
      );
      return { hubId, ...(await describeRun(context, configured(), run.runId)) };
    },
  );

  app.get<{ Params: { runId: string } }>(
    '/runs/:runId',
    { preHandler: requireRole('admin', 'support') },
    async (request): Promise<RunResponse> => ({
      hubId,
      ...(await describeRun(context, configured(), request.params.runId)),
    }),
  );

  app.post<{ Params: { runId: string } }>(
    '/runs/:runId/resume',
    { preHandler: requireRole('admin'), config: STATE_CHANGING_LIMIT },
    async (request): Promise<RunResponse> => {
      const { runId } = request.params;
      await audited(
        context,
        request,
        { action: 'run.resume', details: { runId: runId.slice(0, 20) } },
        () => resumeRun(configured(), principalOf(request), context.now(), runId),
        (requeued) => ({
          details: {
            runId: runId.slice(0, 20),
            chunks: requeued.map((row) => row.chunk ?? 0),
          },
        }),
      );
      return { hubId, ...(await describeRun(context, configured(), runId)) };
    },
  );
}
