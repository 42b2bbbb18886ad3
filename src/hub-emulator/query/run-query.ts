import type { HubStore, ScanCursor } from '../store/hub-store';
import { renderTwin } from '../model/render-twin';
import { evaluateCondition } from './evaluate-condition';
import type { ParsedQuery } from './query-ast';
import { createGrouper, projectTwin } from './project-twin';
import type { QueryCursor } from './query-cursor';

// Pages through the registry in id order. `SELECT *` items are twins (x-ms-item-type Twin),
// projections, COUNT() and GROUP BY rows are Raw; aggregates come in one page. No token is
// returned on the last page, as recorded.
const SCAN_PAGE = 1000;

export interface QueryPage {
  items: unknown[];
  itemType: 'Twin' | 'Raw';
  next: QueryCursor | undefined;
}

export function runQuery(
  store: HubStore,
  query: ParsedQuery,
  pageSize: number,
  cursor: QueryCursor | undefined,
): QueryPage {
  const scope = query.source === 'devices' ? 'devices' : 'modules';
  const matches = (twin: Record<string, unknown>): boolean =>
    !query.where || evaluateCondition(query.where, twin);
  const select = query.select;
  if (select.kind === 'items' && (query.groupBy || select.items.some((i) => i.kind === 'count'))) {
    const only = select.items[0];
    // The registry's own count answers SELECT COUNT() FROM devices without a scan.
    if (
      select.items.length === 1 &&
      only?.kind === 'count' &&
      !query.where &&
      !query.groupBy &&
      scope === 'devices'
    )
      return {
        items: [{ [only.name]: store.deviceStatistics().totalDeviceCount }],
        itemType: 'Raw',
        next: undefined,
      };
    const grouper = createGrouper(query.groupBy ?? [], select.items);
    forEachTwin(store, scope, undefined, (twin) => void (matches(twin) && grouper.add(twin)));
    const rows = grouper.results();
    // COUNT() over no twins at all is still one row saying 0.
    const items = rows.length > 0 || query.groupBy ? rows : [countRow(select.items)];
    return { items: items.slice(0, query.top), itemType: 'Raw', next: undefined };
  }
  const limit = Math.min(pageSize, (query.top ?? Infinity) - (cursor?.sent ?? 0));
  if (limit <= 0)
    return { items: [], itemType: select.kind === 'all' ? 'Twin' : 'Raw', next: undefined };
  const items: unknown[] = [];
  let lastIncluded: ScanCursor | undefined;
  let more = false;
  forEachTwin(store, scope, cursor?.after, (twin, at) => {
    if (!matches(twin)) return true;
    if (items.length >= limit) {
      more = true;
      return false;
    }
    items.push(select.kind === 'all' ? twin : projectTwin(twin, select.items));
    lastIncluded = at;
    return true;
  });
  const sent = (cursor?.sent ?? 0) + items.length;
  return {
    items,
    itemType: select.kind === 'all' ? 'Twin' : 'Raw',
    next: more && lastIncluded ? { after: lastIncluded, sent } : undefined,
  };
}

function countRow(items: readonly { kind: string; name: string }[]): Record<string, unknown> {
  return Object.fromEntries(items.filter((i) => i.kind === 'count').map((i) => [i.name, 0]));
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
      const at = { deviceId: identity.deviceId, moduleId: identity.moduleId };
      if (visit(renderTwin(identity), at) === false) return;
    }
    if (page.items.length < SCAN_PAGE) return;
    after = page.last;
  }
}
