import { unquoteEtag } from '../../core/model/unquote-etag';
import type { KeySource } from '../model/key-source';
import type { HubStore } from '../store/hub-store';
import type { JobScheduler } from '../jobs/job-scheduler';
import type { RegistryContext } from '../registry/registry-context';

// What every resource handler gets from the server: the store, the job scheduler and the
// registry rules the options chose.
export interface HandlerDeps {
  store: HubStore;
  keys: KeySource;
  jobs: JobScheduler;
  deviceCap: number;
  strictIds: boolean;
  applyReported: boolean;
}

export function registryContext(
  deps: HandlerDeps,
  now: Date,
  origin: RegistryContext['origin'] = 'rest',
): RegistryContext {
  return {
    store: deps.store,
    now,
    keys: deps.keys,
    deviceCap: deps.deviceCap,
    strictIds: deps.strictIds,
    applyReported: deps.applyReported,
    origin,
  };
}

/**
 * The If-Match value without quotes; undefined when absent or empty (create requests send
 * `If-Match: ""`).
 */
export function ifMatch(
  headers: Record<string, string | string[] | undefined>,
): string | undefined {
  const raw = headers['if-match'];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!value) return undefined;
  const unquoted = unquoteEtag(value);
  return unquoted === '' ? undefined : unquoted;
}
