import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SetupCheckResponse } from '../../contracts/api/setup-check';
import { requireRole } from '../auth/authenticate';
import { runSetupCheck } from '../setup-check/run-setup-check';
import type { SetupCheckDeps } from '../setup-check/setup-check-deps';

// GET /api/setup-check (admins): runs every check now, the hub identity's dry job included. Two
// admins (or a double click) asking at once share one run, so the dry job never competes with
// itself for the job slot.
export function registerSetupCheckRoutes(app: FastifyInstance, deps: SetupCheckDeps): void {
  let running: Promise<SetupCheckResponse> | undefined;
  app.get('/api/setup-check', { preHandler: requireRole('admin') }, async (request) => {
    const appOrigins = [...new Set([...deps.appOrigins, originOf(request)])];
    running ??= runSetupCheck({ ...deps, appOrigins }, { dryJob: true }).finally(() => {
      running = undefined;
    });
    return running;
  });
}

/**
 * The origin the SPA was loaded from: the proxy serves it, so it is this request's own origin, as
 * the ingress in front saw it.
 */
function originOf(request: FastifyRequest): string {
  const forwarded = (name: string): string | undefined => {
    const value = request.headers[name];
    return (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim() || undefined;
  };
  const protocol = forwarded('x-forwarded-proto') ?? request.protocol;
  const host = forwarded('x-forwarded-host') ?? request.host;
  return `${protocol}://${host}`;
}
