import type { Route } from '../http/route';
import { hubError } from '../http/hub-error';
import { isObject } from '../model/parse-identity-json';
import { parseQuery, QueryParseError, type ParsedQuery } from '../query/parse-query';
import { decodeQueryCursor, encodeQueryCursor } from '../query/query-cursor';
import { runQuery } from '../query/run-query';
import type { HandlerDeps } from './handler-deps';

// POST /devices/query (docs/reference/hub-wire-contract.md#query). Page size: x-ms-max-item-count,
// default 100 and clamped to 1000 (the docs say up to 1000, the Node SDK comment 10000). A
// continuation token that is not one of this query's is a 400, never a silent restart. RegistryRead
// or ServiceConnect may query (docs/reference/hub-wire-contract.md#permissions leaves it open).
const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;

export function queryRoutes(deps: HandlerDeps): Route[] {
  return [
    {
      method: 'POST',
      path: '/devices/query',
      rights: ['ServiceConnect', 'RegistryRead'],
      throttle: { class: 'query' },
      handle: async ({ body, headers }) => {
        const json = await body();
        if (!isObject(json) || typeof json.query !== 'string')
          throw hubError('ArgumentNull', 'The request body must be {"query":"..."}.');
        const text = json.query;
        let parsed: ParsedQuery;
        try {
          parsed = parseQuery(text);
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
        const token = Array.isArray(rawToken) ? rawToken[0] : rawToken;
        const cursor = token ? decodeQueryCursor(text, token) : undefined;
        if (token && !cursor)
          throw hubError('ArgumentInvalid', 'The continuation token is not valid for this query.');
        const page = runQuery(deps.store, parsed, pageSize, cursor);
        const responseHeaders: Record<string, string> = { 'x-ms-item-type': page.itemType };
        if (page.next) responseHeaders['x-ms-continuation'] = encodeQueryCursor(text, page.next);
        return { status: 200, body: page.items, headers: responseHeaders };
      },
    },
  ];
}
