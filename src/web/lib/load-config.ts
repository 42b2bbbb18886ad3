import { SpaConfig } from '../../contracts/api';
import { hubNameOf } from './use-hub-info';
import { hubApiBase } from './hubs/console-hub';
import type { ConsoleHub } from './hubs/console-hub';

export type ConfigResult =
  { ok: true; config: SpaConfig; hubs: ConsoleHub[] } | { ok: false; reason: string };

/**
 * The hubs /config.json lists. A proxy from before several hubs lists none: its one hub is
 * `hubHostName`, served by the unprefixed routes, so the console keeps working against it.
 */
function configuredHubs(config: SpaConfig): ConsoleHub[] {
  if (config.hubs.length === 0)
    return [
      {
        id: 'main',
        displayName: hubNameOf(config.hubHostName),
        hostName: config.hubHostName,
        role: null,
        apiBase: '/api',
      },
    ];
  return config.hubs.map((hub) => ({ ...hub, role: null, apiBase: hubApiBase(hub.id) }));
}

/**
 * GET /config.json before anything else: it tells the SPA which authority and API scope to use,
 * so one build runs against the local authority and against Entra ID. Never throws: the caller
 * shows the reason on an error page instead of a blank screen.
 */
export async function loadConfig(
  fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args),
): Promise<ConfigResult> {
  let response: Response;
  try {
    response = await fetchImpl('/config.json', {
      headers: { accept: 'application/json' },
      redirect: 'error',
    });
  } catch (error) {
    return {
      ok: false,
      reason: `The console's server could not be reached (${(error as Error).message}).`,
    };
  }
  if (!response.ok)
    return { ok: false, reason: `The server answered /config.json with HTTP ${response.status}.` };
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return {
      ok: false,
      reason: 'The server answered /config.json with something that is not JSON.',
    };
  }
  const parsed = SpaConfig.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    return {
      ok: false,
      reason: `The configuration from /config.json is incomplete or invalid (${fields}).`,
    };
  }
  return { ok: true, config: parsed.data, hubs: configuredHubs(parsed.data) };
}
