import { hubError } from '../http/hub-error';
import type { Identity, TwinSection } from '../model/identity';
import { mergePatch } from '../model/merge-patch';
import { patchMetadata } from '../model/twin-metadata';
import { twinEtag } from '../model/etag';
import { hubTime } from '../model/hub-time';
import { isObject } from '../model/parse-identity-json';
import { propertiesKeys, twinKeys } from '../model/canonical-keys';
import { validateTwinSections } from '../model/validate-twin';
import type { HubStore } from '../store/hub-store';

// PATCH merges tags and desired (null removes a key); PUT replaces them. Reported properties belong
// to the device and are ignored here (docs/reference/hub-wire-contract.md#twins). If-Match is
// optional; `*` matches.
export type TwinWrite = 'patch' | 'replace';

export function updateTwin(
  store: HubStore,
  deviceId: string,
  moduleId: string,
  rawBody: unknown,
  write: TwinWrite,
  ifMatchValue: string | undefined,
  now: Date,
): Identity {
  if (!isObject(rawBody)) throw hubError('ArgumentNull', 'The twin must be a JSON object.');
  const body = twinKeys(rawBody);
  const tags = sectionOf(body.tags, 'tags');
  const rawProperties = sectionOf(body.properties, 'properties');
  const properties = rawProperties ? propertiesKeys(rawProperties) : {};
  const desired = sectionOf(properties.desired, 'properties.desired');
  return store.transaction(() => {
    const existing = store.getIdentity(deviceId, moduleId);
    if (!existing)
      throw moduleId
        ? hubError('ModuleNotFound', `${deviceId}/${moduleId}`)
        : hubError('DeviceNotFound', deviceId);
    if (
      ifMatchValue !== undefined &&
      ifMatchValue !== '*' &&
      ifMatchValue !== twinEtag(existing.twin.etag)
    ) {
      throw hubError('PreconditionFailed', `ETag mismatch for device ID '${deviceId}'`);
    }
    const twin = existing.twin;
    const nextTags =
      write === 'patch' ? (tags ? mergePatch(twin.tags, tags) : twin.tags) : (tags ?? {});
    const nextDesired =
      write === 'patch'
        ? desired
          ? mergePatch(twin.desired, withoutSystemKeys(desired))
          : twin.desired
        : withoutSystemKeys(desired ?? {});
    const problem = validateTwinSections({ tags: nextTags, desired: nextDesired });
    if (problem) throw hubError('ArgumentInvalid', problem);
    const desiredChanged = JSON.stringify(nextDesired) !== JSON.stringify(twin.desired);
    const desiredVersion = twin.desiredVersion + (desiredChanged ? 1 : 0);
    const time = hubTime(now);
    let desiredMeta = twin.desiredMeta;
    if (desiredChanged) {
      // A PATCH restamps the properties it wrote; a PUT writes the whole section anew.
      desiredMeta =
        write === 'patch' && desired
          ? patchMetadata(
              { before: twin.desired, after: nextDesired },
              twin.desiredMeta,
              { time: twin.desiredUpdated, version: twin.desiredVersion },
              withoutSystemKeys(desired),
              { time, version: desiredVersion },
            )
          : {};
    }
    const updated: Identity = {
      ...existing,
      twin: {
        ...twin,
        etag: twin.etag + 1,
        tags: nextTags,
        desired: nextDesired,
        desiredVersion,
        desiredUpdated: desiredChanged ? time : twin.desiredUpdated,
        desiredMeta,
      },
    };
    store.updateIdentity(updated);
    return updated;
  });
}

function sectionOf(value: unknown, name: string): TwinSection | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw hubError('ArgumentInvalid', `'${name}' must be a JSON object.`);
  return value;
}

function withoutSystemKeys(section: TwinSection): TwinSection {
  const copy: TwinSection = {};
  for (const [key, value] of Object.entries(section))
    if (key !== '$metadata' && key !== '$version') copy[key] = value;
  return copy;
}
