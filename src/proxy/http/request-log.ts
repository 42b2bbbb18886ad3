import type { FastifyInstance } from 'fastify';

export type ProxyLog = (entry: Record<string, unknown>) => void;

export const stdoutLog: ProxyLog = (entry) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};

// One line per request with its id and user. The path is logged without its query string and no
// header is logged at all, so a bearer token or a SAS signature can never reach the log.
export function installRequestLog(app: FastifyInstance, log: ProxyLog): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    log({
      level: reply.statusCode >= 500 ? 'error' : 'info',
      msg: 'request',
      requestId: request.id,
      method: request.method,
      path: request.url.split('?')[0],
      route: request.routeOptions.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      user: request.principal?.objectId,
    });
  });
}

export interface AuditEntry {
  action: string;
  result: 'ok' | 'failed';
  operationId?: string;
  jobId?: string;
  fileSha256?: string;
  details?: Record<string, unknown>;
}
