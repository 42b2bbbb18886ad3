import type { Route } from '../http/route';
import { hubError } from '../http/hub-error';
import { deviceEtag } from '../model/etag';
import { hubTime } from '../model/hub-time';
import { isObject } from '../model/parse-identity-json';
import type { StoredConfiguration } from '../store/hub-store';
import { ifMatch, type HandlerDeps } from './handler-deps';

// Automatic device configurations (hub-protocol.md sec. 2.9): enough for GET /configurations and
// for includeConfigurations in export jobs. Ids are lower case (C# e2e comment); at most 100 per hub.
// Metrics are never computed: they stay empty.
const MAX_CONFIGURATIONS = 100;
const ID = /^[a-z0-9\-:+%_#*?!(),=@;$']{1,128}$/;

function render(configuration: StoredConfiguration): Record<string, unknown> {
  return { ...configuration.doc, etag: configuration.etag };
}

export function configurationRoutes(deps: HandlerDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/configurations',
      rights: ['RegistryRead', 'ServiceConnect'],
      handle: ({ query }) => {
        const top = Number(query.get('top'));
        const all = deps.store.listConfigurations().map(render);
        return { status: 200, body: Number.isInteger(top) && top > 0 ? all.slice(0, top) : all };
      },
    },
    {
      method: 'GET',
      path: '/configurations/{id}',
      rights: ['RegistryRead', 'ServiceConnect'],
      handle: ({ params }) => {
        const configuration = deps.store.getConfiguration(params.id ?? '');
        if (!configuration) throw hubError('ConfigurationNotFound', `Configuration '${params.id}' not found.`);
        return { status: 200, body: render(configuration) };
      },
    },
    {
      method: 'PUT',
      path: '/configurations/{id}',
      rights: ['RegistryWrite', 'ServiceConnect'],
      handle: async ({ params, body, headers, now }) => {
        const id = params.id ?? '';
        const json = await body();
        if (!isObject(json)) throw hubError('ArgumentNull', 'The configuration must be a JSON object.');
        if (!ID.test(id)) throw hubError('ArgumentInvalid', `Invalid configuration id '${id}': ids are lower case.`);
        if (json.id !== undefined && json.id !== id) throw hubError('ArgumentInvalid', 'The id in the body does not match the path.');
        const match = ifMatch(headers);
        const stored = deps.store.transaction(() => {
          const existing = deps.store.getConfiguration(id);
          if (!match && existing) throw hubError('ConfigurationAlreadyExists', `Configuration '${id}' already exists.`);
          if (match && !existing) throw hubError('ConfigurationNotFound', `Configuration '${id}' not found.`);
          if (match && existing && match !== '*' && match !== existing.etag) throw hubError('PreconditionFailed', `ETag mismatch for configuration '${id}'`);
          if (!existing && deps.store.listConfigurations().length >= MAX_CONFIGURATIONS) {
            throw hubError('IotHubQuotaExceeded', `A hub holds at most ${MAX_CONFIGURATIONS} configurations.`);
          }
          const time = hubTime(now);
          const doc: Record<string, unknown> = {
            id,
            schemaVersion: typeof json.schemaVersion === 'string' ? json.schemaVersion : '1.0',
            labels: isObject(json.labels) ? json.labels : {},
            content: isObject(json.content) ? json.content : {},
            targetCondition: typeof json.targetCondition === 'string' ? json.targetCondition : '',
            createdTimeUtc: existing?.doc.createdTimeUtc ?? time,
            lastUpdatedTimeUtc: time,
            priority: typeof json.priority === 'number' ? json.priority : 0,
            systemMetrics: { results: {}, queries: {} },
            metrics: { results: {}, queries: isObject(json.metrics) && isObject(json.metrics.queries) ? json.metrics.queries : {} },
          };
          const configuration: StoredConfiguration = { id, etag: deviceEtag(deps.store.nextEtag()), doc };
          deps.store.putConfiguration(configuration);
          return configuration;
        });
        return { status: 200, body: render(stored) };
      },
    },
    {
      method: 'DELETE',
      path: '/configurations/{id}',
      rights: ['RegistryWrite', 'ServiceConnect'],
      handle: ({ params }) => {
        if (!deps.store.transaction(() => deps.store.deleteConfiguration(params.id ?? ''))) {
          throw hubError('ConfigurationNotFound', `Configuration '${params.id}' not found.`);
        }
        return { status: 204 };
      },
    },
  ];
}
