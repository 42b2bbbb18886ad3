import type { Route } from '../http/route';
import { hubError } from '../http/hub-error';
import { renderModule } from '../model/render-identity';
import { deleteIdentityChecked, putIdentity } from '../registry/put-identity';
import { ifMatch, registryContext, type HandlerDeps } from './handler-deps';

// Module identity CRUD (docs/reference/hub-wire-contract.md#operations, row 17). A module PUT
// returns 200 with no ETag header (docs/reference/hub-wire-contract.md#recorded-traffic).
export function moduleRoutes(deps: HandlerDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/devices/{id}/modules',
      rights: ['RegistryRead'],
      throttle: { class: 'registry' },
      handle: ({ params }) => {
        if (!deps.store.getIdentity(params.id ?? '', ''))
          throw hubError('DeviceNotFound', params.id ?? '');
        return {
          status: 200,
          body: deps.store.listModules(params.id ?? '').map((m) => renderModule(m)),
        };
      },
    },
    {
      method: 'GET',
      path: '/devices/{id}/modules/{mid}',
      rights: ['RegistryRead'],
      throttle: { class: 'registry' },
      handle: ({ params }) => {
        const module = deps.store.getIdentity(params.id ?? '', params.mid ?? '');
        if (!module) throw hubError('ModuleNotFound', `${params.id}/${params.mid}`);
        return { status: 200, body: renderModule(module) };
      },
    },
    {
      method: 'PUT',
      path: '/devices/{id}/modules/{mid}',
      rights: ['RegistryWrite'],
      throttle: { class: 'registry' },
      handle: async ({ params, headers, body, now }) => {
        const { identity, created } = putIdentity(
          await body(),
          params.id ?? '',
          params.mid ?? '',
          ifMatch(headers),
          registryContext(deps, now),
        );
        return { status: 200, body: renderModule(identity, created) };
      },
    },
    {
      method: 'DELETE',
      path: '/devices/{id}/modules/{mid}',
      rights: ['RegistryWrite'],
      throttle: { class: 'registry' },
      handle: ({ params, headers, now }) => {
        deleteIdentityChecked(
          params.id ?? '',
          params.mid ?? '',
          ifMatch(headers),
          registryContext(deps, now),
        );
        return { status: 204 };
      },
    },
  ];
}
