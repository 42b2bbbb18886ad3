import type { FastifyInstance } from 'fastify';
import { OperationFile } from '../../contracts/api/files';
import type { Job, JobListResponse } from '../../contracts/api/jobs';
import { principalOf, requireRole } from '../auth/authenticate';
import type { Principal } from '../auth/bearer-verifier';
import { ApiError } from '../http/api-error';
import { jobForCaller, readableFiles } from '../operations/backup-files';
import { assertJobRef } from '../operations/find-operation';
import type { ProxyContext } from '../operations/proxy-context';
import { cancelJob, getJob, listJobs } from '../operations/query-jobs';
import { jobCommand } from '../operations/job-command';
import { parseJobListQuery } from './job-list-query';
import { mintReadSas, openOperationFile } from '../operations/read-operation-file';
import { audited, STATE_CHANGING_LIMIT } from './route-support';

type JobParams = { Params: { jobId: string } };
type FileParams = { Params: { jobId: string; file: string } };

function parseFile(file: string, principal: Principal): OperationFile {
  const parsed = OperationFile.safeParse(file);
  if (!parsed.success)
    throw new ApiError(404, 'NOT_FOUND', `Unknown file "${file.slice(0, 40)}".`, {
      allowed: readableFiles(principal, OperationFile.options),
    });
  return parsed.data;
}

export function registerJobRoutes(
  app: FastifyInstance,
  context: ProxyContext,
  hubId: string,
): void {
  const anyRole = requireRole('admin', 'support');
  const shown = (job: Job, principal: Principal): Job => ({
    hubId,
    ...jobForCaller(job, principal, context.now()),
  });

  app.get('/jobs', { preHandler: anyRole }, async (request): Promise<JobListResponse> => {
    const query = parseJobListQuery(request.query);
    const page = await listJobs(context, query);
    return { ...page, jobs: page.jobs.map((job) => shown(job, principalOf(request))) };
  });

  app.get<JobParams>('/jobs/:jobId', { preHandler: anyRole }, async (request) =>
    shown(await getJob(context, request.params.jobId), principalOf(request)),
  );

  app.get<JobParams>('/jobs/:jobId/command', { preHandler: anyRole }, (request) =>
    jobCommand(context, request.params.jobId),
  );

  app.delete<JobParams>(
    '/jobs/:jobId',
    { preHandler: requireRole('admin'), config: STATE_CHANGING_LIMIT },
    async (request) => {
      const { jobId } = request.params;
      return audited(
        context,
        request,
        { action: 'job.cancel', jobId },
        () => cancelJob(context, jobId),
        (job) => ({
          operationId: job.operationId ?? undefined,
        }),
      );
    },
  );

  app.get<FileParams>(
    '/jobs/:jobId/files/:file',
    { preHandler: anyRole },
    async (request, reply) => {
      assertJobRef(request.params.jobId);
      const file = parseFile(request.params.file, principalOf(request));
      const opened = await openOperationFile(
        context,
        principalOf(request),
        request.params.jobId,
        file,
      );
      reply.header('content-disposition', `inline; filename="${opened.blobName}"`);
      reply.header('x-keys-masked', String(opened.masked));
      // The stored size lets the browser show determinate progress; an unmasked stream is exactly
      // that long.
      reply.header('x-blob-size', String(opened.storedSize));
      if (!opened.masked) reply.header('content-length', String(opened.storedSize));
      return reply.type(opened.contentType).send(opened.stream);
    },
  );

  app.post<FileParams>(
    '/jobs/:jobId/files/:file/sas',
    { preHandler: requireRole('admin'), config: STATE_CHANGING_LIMIT },
    async (request) => {
      assertJobRef(request.params.jobId);
      const file = parseFile(request.params.file, principalOf(request));
      return audited(
        context,
        request,
        { action: 'file.read-sas', jobId: request.params.jobId, details: { file } },
        async () => {
          const { url, expiresOn, operationId } = await mintReadSas(
            context,
            principalOf(request),
            request.params.jobId,
            file,
          );
          return { url, expiresOn, operationId };
        },
        (grant) => ({ operationId: grant.operationId }),
      ).then(({ url, expiresOn }) => ({ url, expiresOn }));
    },
  );
}
