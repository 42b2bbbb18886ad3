import type { HubStore, ScanCursor } from '../store/hub-store';
import { renderTwin } from '../model/render-twin';
import { evaluateCondition } from './evaluate-condition';
import type { ParsedQuery } from './parse-query';

// Pages through the registry in id order. The continuation token is our own opaque cursor (the
// hub's is opaque too, sec. 2.7); no token is returned on the last page, as recorded.
const SCAN_PAGE = 1000;

export interface QueryPage {
  items: unknown[];
  itemType: 'Twin' | 'Raw';
  continuation: string | undefined;
}

export function runQuery(
  store: HubStore,
  query: ParsedQuery,
  pageSize: number,
  continuation: string | undefined,
): QueryPage {
  const scope = query.source === 'devices' ? 'devices' : 'modules';
  if (query.select.kind === 'count') {
    let count = 0;
    if (!query.where && scope === 'devices') count = store.deviceStatistics().totalDeviceCount;
    else
      forEachTwin(
        store,
        scope,
        undefined,
        (twin) => void (!query.where || evaluateCondition(query.where, twin) ? count++ : 0),
      );
    return { items: [{ [query.select.alias]: count }], itemType: 'Raw', continuation: undefined };
  }
  const items: unknown[] = [];
  let lastIncluded: ScanCursor | undefined;
  let more = false;
  forEachTwin(store, scope, decodeCursor(continuation), (twin, cursor) => {
    if (query.where && !evaluateCondition(query.where, twin)) return true;
    if (items.length === pageSize) {
      more = true;
      return false;
    }
    items.push(twin);
    lastIncluded = cursor;
    return true;
  });
  return {
    items,
    itemType: 'Twin',
    continuation: more && lastIncluded ? encodeCursor(lastIncluded) : undefined,
  };
}

function forEachTwin(
  store: HubStore,
  scope: 'devices' | 'modules',
  start: ScanCursor | undefined,
  visit: (twin: Record<string, unknown>, cursor: ScanCursor) => boolean | void,
): void {
  let after = start;
  for (;;) {
    const page = store.scanIdentities(after, SCAN_PAGE, scope);
    for (const identity of page.items) {
      if (
        visit(renderTwin(identity), {
          deviceId: identity.deviceId,
          moduleId: identity.moduleId,
        }) === false
      )
        return;
    }
    if (page.items.length < SCAN_PAGE) return;
    after = page.last;
  }
}

function encodeCursor(cursor: ScanCursor): string {
  return Buffer.from(JSON.stringify([cursor.deviceId, cursor.moduleId])).toString('base64url');
}

function decodeCursor(token: string | undefined): ScanCursor | undefined {
  if (!token) return undefined;
  try {
    const [deviceId, moduleId] = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as [
      string,
      string,
    ];
    return typeof deviceId === 'string' && typeof moduleId === 'string'
      ? { deviceId, moduleId }
      : undefined;
  } catch {
    return undefined;
  }
}
