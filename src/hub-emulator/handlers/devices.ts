import type { Route } from '../http/route';
import { hubError } from '../http/hub-error';
import { deviceEtag } from '../model/etag';
import { renderDevice } from '../model/render-identity';
import { deleteIdentityChecked, putIdentity } from '../registry/put-identity';
import { ifMatch, registryContext, type HandlerDeps } from './handler-deps';

// Device identity CRUD (docs/reference/hub-wire-contract.md#device-identities). Success is 200 for
// create and update (never 201).
const MAX_LIST = 1000;

export function deviceRoutes(deps: HandlerDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/devices',
      rights: ['RegistryRead'],
      throttle: { class: 'registry' },
      handle: ({ query }) => {
        // `top` outside 1..1000 is treated as 1000
        // (docs/reference/hub-wire-contract.md#device-identities).
        const top = Number(query.get('top'));
        const limit = Number.isInteger(top) && top >= 1 && top <= MAX_LIST ? top : MAX_LIST;
        return {
          status: 200,
          body: deps.store
            .scanIdentities(undefined, limit, 'devices')
            .items.map((d) => renderDevice(d)),
        };
      },
    },
    {
      method: 'GET',
      path: '/devices/{id}',
      rights: ['RegistryRead'],
      throttle: { class: 'registry' },
      handle: ({ params }) => {
        const device = deps.store.getIdentity(params.id ?? '', '');
        if (!device) throw hubError('DeviceNotFound', params.id ?? '');
        return {
          status: 200,
          body: renderDevice(device),
          headers: { etag: `"${deviceEtag(device.etag)}"` },
        };
      },
    },
    {
      method: 'PUT',
      path: '/devices/{id}',
      rights: ['RegistryWrite'],
      throttle: { class: 'registry' },
      handle: async ({ params, headers, body, now }) => {
        const { identity, created } = putIdentity(
          await body(),
          params.id ?? '',
          '',
          ifMatch(headers),
          registryContext(deps, now),
        );
        return {
          status: 200,
          body: renderDevice(identity, created),
          headers: { etag: `"${deviceEtag(identity.etag)}"` },
        };
      },
    },
    {
      method: 'DELETE',
      path: '/devices/{id}',
      rights: ['RegistryWrite'],
      throttle: { class: 'registry' },
      handle: ({ params, headers, now }) => {
        deleteIdentityChecked(params.id ?? '', '', ifMatch(headers), registryContext(deps, now));
        return { status: 204 };
      },
    },
  ];
}
