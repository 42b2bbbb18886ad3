import { hubError } from '../http/hub-error';
import { deviceEtag } from '../model/etag';
import { hubTime } from '../model/hub-time';
import { isObject } from '../model/parse-identity-json';
import {
  configurationContentKeys,
  configurationKeys,
  configurationMetricsKeys,
} from '../model/canonical-keys';
import type { HubStore, StoredConfiguration } from '../store/hub-store';

// Automatic device configurations
// (docs/reference/hub-wire-contract.md#statistics-and-configurations), written by PUT
// /configurations/{id} and by import jobs with includeConfigurations. Ids are lower case (C# e2e
// comment); at most 100 per hub; metrics are never computed. `ifMatchValue` undefined = create
// only, as for devices.
const MAX_CONFIGURATIONS = 100;
const ID = /^[a-z0-9\-:+%_#*?!(),=@;$']{1,128}$/;

export type ConfigurationWrite =
  { kind: 'create' } | { kind: 'update'; ifMatch: string } | { kind: 'createOrUpdate' };

export function putConfiguration(
  store: HubStore,
  id: string,
  raw: unknown,
  write: ConfigurationWrite,
  now: Date,
): StoredConfiguration {
  if (!isObject(raw)) throw hubError('ArgumentNull', 'The configuration must be a JSON object.');
  // Property names in any case, as the service's Newtonsoft reads them (configurations.txt is
  // PascalCase, REST bodies camelCase).
  const json = configurationKeys(raw);
  const content = isObject(json.content) ? configurationContentKeys(json.content) : {};
  const metrics = isObject(json.metrics) ? configurationMetricsKeys(json.metrics) : {};
  if (!ID.test(id))
    throw hubError('ArgumentInvalid', `Invalid configuration id '${id}': ids are lower case.`);
  if (json.id !== undefined && json.id !== id)
    throw hubError('ArgumentInvalid', 'The configuration id in the body does not match.');
  return store.transaction(() => {
    const existing = store.getConfiguration(id);
    if (write.kind === 'create' && existing)
      throw hubError('ConfigurationAlreadyExists', `Configuration '${id}' already exists.`);
    if (write.kind === 'update' && !existing)
      throw hubError('ConfigurationNotFound', `Configuration '${id}' not found.`);
    if (
      write.kind === 'update' &&
      existing &&
      write.ifMatch !== '*' &&
      write.ifMatch !== existing.etag
    ) {
      throw hubError('PreconditionFailed', `ETag mismatch for configuration '${id}'`);
    }
    if (!existing && store.listConfigurations().length >= MAX_CONFIGURATIONS) {
      throw hubError(
        'IotHubQuotaExceeded',
        `A hub holds at most ${MAX_CONFIGURATIONS} configurations.`,
      );
    }
    const time = hubTime(now);
    const doc: Record<string, unknown> = {
      id,
      schemaVersion: typeof json.schemaVersion === 'string' ? json.schemaVersion : '1.0',
      labels: isObject(json.labels) ? json.labels : {},
      content,
      targetCondition: typeof json.targetCondition === 'string' ? json.targetCondition : '',
      createdTimeUtc: existing?.doc.createdTimeUtc ?? time,
      lastUpdatedTimeUtc: time,
      priority: typeof json.priority === 'number' ? json.priority : 0,
      systemMetrics: { results: {}, queries: {} },
      metrics: {
        results: {},
        queries: isObject(metrics.queries) ? metrics.queries : {},
      },
    };
    const configuration: StoredConfiguration = { id, etag: deviceEtag(store.nextEtag()), doc };
    store.putConfiguration(configuration);
    return configuration;
  });
}
