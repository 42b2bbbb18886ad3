import { SpaConfig } from '../../contracts/api';

export type ConfigResult = { ok: true; config: SpaConfig } | { ok: false; reason: string };

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
  return { ok: true, config: parsed.data };
}
