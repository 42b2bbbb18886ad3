import { encodeBase64 } from '../../../../../src/core/convert/base64';
import type { PlanChanges } from '../../../../../src/core/plan/plan-result';
import type { IdentityState } from '../../../../../src/core/plan/identity-state';
import { readLineKey } from '../../../../../src/core/plan/read-line-key';
import { deviceKey } from '../../../../../src/core/registry/device-key';

/**
 * The export the hub would write after the planned import: lines of untouched devices as they
 * were, the plan's picture of the others. What the hub mints (keys, scopes, etags) gets fresh
 * stand-ins, so a test can run a second plan (the undo's) against it.
 */
export function registryAfter(registryText: string, changes: PlanChanges, seed = 1): string {
  const { state } = changes;
  let counter = seed * 1000;
  const fresh = (): string => {
    counter++;
    return encodeBase64(new Uint8Array(32).fill(counter % 251));
  };
  const out: string[] = [];
  const seen = new Set<string>();
  for (const text of registryText.split(/\r?\n/)) {
    const key = text.startsWith('{') ? readLineKey(text) : undefined;
    if (key === undefined) continue;
    const k = deviceKey(key.id, key.moduleId);
    seen.add(k);
    if (!state.wasChanged(k)) {
      out.push(text);
      continue;
    }
    const now = state.get(k);
    if (now !== undefined) out.push(render(now, fresh));
  }
  for (const k of state.changedKeys) {
    const now = state.get(k);
    if (!seen.has(k) && now !== undefined) out.push(render(now, fresh));
  }
  return out.map((l) => l + '\r\n').join('');
}

function render(state: IdentityState, fresh: () => string): string {
  const auth = state.auth;
  const sas = auth === null || auth.type === 'sas';
  const line: Record<string, unknown> = { id: state.id };
  if (state.moduleId !== undefined) line.moduleId = state.moduleId;
  line.eTag = state.eTag ?? 'ZnJlc2g=';
  line.status = state.status;
  if (state.moduleId === undefined) line.statusReason = state.statusReason ?? '';
  line.authentication = {
    symmetricKey: state.keysMinted
      ? { primaryKey: fresh(), secondaryKey: fresh() }
      : {
          primaryKey: sas ? (auth?.primaryKey ?? null) : null,
          secondaryKey: sas ? (auth?.secondaryKey ?? null) : null,
        },
    x509Thumbprint: {
      primaryThumbprint: auth?.primaryThumbprint ?? null,
      secondaryThumbprint: auth?.secondaryThumbprint ?? null,
    },
    type: auth?.type ?? 'sas',
  };
  line.twinETag = state.twinETag ?? 'AAAAAAAAAAk=';
  line.tags = state.tags;
  line.properties = { desired: state.desired, reported: state.reported };
  line.capabilities = { iotEdge: state.iotEdge };
  const scope = state.scopeGenerated
    ? `ms-azure-iot-edge://${state.id}-${fresh().slice(0, 8)}`
    : state.deviceScope;
  if (scope !== null) line.deviceScope = scope;
  if (state.parentScopes.length > 0) line.parentScopes = state.parentScopes;
  return JSON.stringify(line);
}
