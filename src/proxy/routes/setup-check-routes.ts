import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SetupCheckResponse } from '../../contracts/api/setup-check';
import { requireRole } from '../auth/authenticate';
import { runSetupCheck } from '../setup-check/run-setup-check';
import type { SetupCheckDeps } from '../setup-check/setup-check-deps';

// GET /api/setup-check (admins), one per hub: runs every check now, the hub identity's dry job
// included. Two admins (or a double click) asking at once share one run, so the dry job never
// competes with itself for the job slot; a hub's unprefixed and prefixed routes share it too.

export type SetupCheckRunner = (appOrigin: string) => Promise<SetupCheckResponse>;

/** One hub's shared run; pass the same runner to every registration of that hub. */
export function createSetupCheckRunner(deps: SetupCheckDeps): SetupCheckRunner {
  let running: Promise<SetupCheckResponse> | undefined;
  return (appOrigin) => {
    const appOrigins = [...new Set([...deps.appOrigins, appOrigin])];
    running ??= runSetupCheck({ ...deps, appOrigins }, { dryJob: true }).finally(() => {
      running = undefined;
    });
    return running;
  };
}

export function registerSetupCheckRoutes(app: FastifyInstance, run: SetupCheckRunner): void {
  app.get('/setup-check', { preHandler: requireRole('admin') }, async (request) =>
    run(originOf(request)),
  );
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
