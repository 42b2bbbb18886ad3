import type { Route } from '../http/route';
import { hubError } from '../http/hub-error';
import { isObject } from '../model/parse-identity-json';
import { parseQuery, QueryParseError } from '../query/parse-query';
import { runQuery } from '../query/run-query';
import type { HandlerDeps } from './handler-deps';

// POST /devices/query (hub-protocol.md sec. 2.7). Page size: x-ms-max-item-count, default 100 and
// clamped to 1000 ([?]: the docs say up to 1000, the Node SDK comment 10000). RegistryRead or
// ServiceConnect may query ([?] sec. 1.4).
const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;

export function queryRoutes(deps: HandlerDeps): Route[] {
  return [
    {
      method: 'POST',
      path: '/devices/query',
      rights: ['ServiceConnect', 'RegistryRead'],
      handle: async ({ body, headers }) => {
        const json = await body();
        if (!isObject(json) || typeof json.query !== 'string')
          throw hubError('ArgumentNull', 'The request body must be {"query":"..."}.');
        let parsed;
        try {
          parsed = parseQuery(json.query);
        } catch (error) {
          if (error instanceof QueryParseError)
            throw hubError('ArgumentInvalid', `Invalid query: ${error.message}`);
          throw error;
        }
        const requested = Number(headers['x-ms-max-item-count']);
        const pageSize =
          Number.isInteger(requested) && requested > 0
            ? Math.min(requested, MAX_PAGE)
            : DEFAULT_PAGE;
        const rawToken = headers['x-ms-continuation'];
        const page = runQuery(
          deps.store,
          parsed,
          pageSize,
          Array.isArray(rawToken) ? rawToken[0] : rawToken,
        );
        const responseHeaders: Record<string, string> = { 'x-ms-item-type': page.itemType };
        if (page.continuation) responseHeaders['x-ms-continuation'] = page.continuation;
        return { status: 200, body: page.items, headers: responseHeaders };
      },
    },
  ];
}
