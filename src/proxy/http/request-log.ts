import type { FastifyInstance } from 'fastify';

export type ProxyLog = (entry: Record<string, unknown>) => void;

// JSON.stringify escapes C0 controls (ESC, CR, LF) but writes C1 controls (U+009B is a terminal's
// CSI) and U+2028/U+2029 as they are; a value from a request must not reach a terminal or a log
// viewer as a control, so those are escaped too. The line stays valid JSON.
const UNESCAPED_CONTROL = /[\u007f-\u009f\u2028\u2029]/g;

export function toLogLine(entry: Record<string, unknown>, time: Date): string {
  return JSON.stringify({ time: time.toISOString(), ...entry }).replace(
    UNESCAPED_CONTROL,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export const stdoutLog: ProxyLog = (entry) => {
  process.stdout.write(`${toLogLine(entry, new Date())}\n`);
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
