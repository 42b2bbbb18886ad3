import type { Route, HubRequest } from '../http/route';
import { hubError } from '../http/hub-error';
import { renderTwin } from '../model/render-twin';
import { updateTwin, type TwinWrite } from '../registry/update-twin';
import { ifMatch, type HandlerDeps } from './handler-deps';

// Device and module twins (docs/reference/hub-wire-contract.md#twins): GET, PATCH (merge), PUT
// (replace). The live hub sends no ETag header on twin responses
// (docs/reference/hub-wire-contract.md#recorded-traffic).
export function twinRoutes(deps: HandlerDeps): Route[] {
  const get = ({ params }: HubRequest) => {
    const identity = deps.store.getIdentity(params.id ?? '', params.mid ?? '');
    if (!identity)
      throw params.mid
        ? hubError('ModuleNotFound', `${params.id}/${params.mid}`)
        : hubError('DeviceNotFound', params.id ?? '');
    return { status: 200, body: renderTwin(identity) };
  };
  const write =
    (kind: TwinWrite) =>
    async ({ params, headers, body, now }: HubRequest) => {
      const updated = updateTwin(
        deps.store,
        params.id ?? '',
        params.mid ?? '',
        await body(),
        kind,
        ifMatch(headers),
        now,
      );
      return { status: 200, body: renderTwin(updated) };
    };
  const routes: Route[] = [];
  for (const path of ['/twins/{id}', '/twins/{id}/modules/{mid}']) {
    routes.push(
      {
        method: 'GET',
        path,
        rights: ['ServiceConnect'],
        throttle: { class: 'twinRead' },
        handle: get,
      },
      {
        method: 'PATCH',
        path,
        rights: ['ServiceConnect'],
        throttle: { class: 'twinUpdate' },
        handle: write('patch'),
      },
      {
        method: 'PUT',
        path,
        rights: ['ServiceConnect'],
        throttle: { class: 'twinUpdate' },
        handle: write('replace'),
      },
    );
  }
  return routes;
}
