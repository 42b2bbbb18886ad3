import type { Route } from '../http/route';
import { hubError } from '../http/hub-error';
import { putConfiguration } from '../registry/put-configuration';
import type { StoredConfiguration } from '../store/hub-store';
import { ifMatch, type HandlerDeps } from './handler-deps';

// /configurations (docs/reference/hub-wire-contract.md#statistics-and-configurations): enough for
// GET /configurations and for includeConfigurations in jobs. Rights are a choice
// (docs/reference/hub-wire-contract.md#permissions leaves them open): reads need RegistryRead or
// ServiceConnect, writes RegistryWrite or ServiceConnect.
function render(configuration: StoredConfiguration): Record<string, unknown> {
  return { ...configuration.doc, etag: configuration.etag };
}

export function configurationRoutes(deps: HandlerDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/configurations',
      rights: ['RegistryRead', 'ServiceConnect'],
      throttle: { class: 'configurations' },
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
      throttle: { class: 'configurations' },
      handle: ({ params }) => {
        const configuration = deps.store.getConfiguration(params.id ?? '');
        if (!configuration)
          throw hubError('ConfigurationNotFound', `Configuration '${params.id}' not found.`);
        return { status: 200, body: render(configuration) };
      },
    },
    {
      method: 'PUT',
      path: '/configurations/{id}',
      rights: ['RegistryWrite', 'ServiceConnect'],
      throttle: { class: 'configurations' },
      handle: async ({ params, body, headers, now }) => {
        const match = ifMatch(headers);
        const write = match
          ? { kind: 'update' as const, ifMatch: match }
          : { kind: 'create' as const };
        return {
          status: 200,
          body: render(putConfiguration(deps.store, params.id ?? '', await body(), write, now)),
        };
      },
    },
    {
      method: 'DELETE',
      path: '/configurations/{id}',
      rights: ['RegistryWrite', 'ServiceConnect'],
      throttle: { class: 'configurations' },
      handle: ({ params }) => {
        if (!deps.store.transaction(() => deps.store.deleteConfiguration(params.id ?? ''))) {
          throw hubError('ConfigurationNotFound', `Configuration '${params.id}' not found.`);
        }
        return { status: 204 };
      },
    },
  ];
}
