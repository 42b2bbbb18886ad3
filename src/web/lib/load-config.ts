import { z } from 'zod';
import { SpaConfig } from '../../contracts/api';
import { hubNameOf } from './use-hub-info';
import { hubApiBase, HubSummary } from './hubs/console-hub';
import type { ConsoleHub } from './hubs/console-hub';

export type ConfigResult =
  { ok: true; config: SpaConfig; hubs: ConsoleHub[] } | { ok: false; reason: string };

const ConfiguredHubs = z.object({ hubs: z.array(HubSummary).min(1).optional() });

/**
 * The hubs /config.json lists. A proxy from before several hubs lists none: its one hub is
 * `hubHostName`, served by the unprefixed routes, so the console keeps working against it.
 */
function configuredHubs(json: unknown, config: SpaConfig): ConsoleHub[] | null {
  const parsed = ConfiguredHubs.safeParse(json);
  if (!parsed.success) return null;
  if (!parsed.data.hubs)
    return [
      {
        id: 'main',
        displayName: hubNameOf(config.hubHostName),
        hostName: config.hubHostName,
        role: null,
        apiBase: '/api',
      },
    ];
  return parsed.data.hubs.map((hub) => ({ ...hub, role: null, apiBase: hubApiBase(hub.id) }));
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
  const hubs = configuredHubs(json, parsed.data);
  if (!hubs) return { ok: false, reason: 'The hub list in /config.json is invalid (hubs).' };
  return { ok: true, config: parsed.data, hubs };
}
