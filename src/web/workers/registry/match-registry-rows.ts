import { uint8Column } from './growable-column';
import type { RegistryFilter } from '../../../contracts/worker/browse-messages';
import type { RegistryRowStore, StringTable } from './registry-row-store';

const UNKNOWN = 0;
const FAILS = 1;
const PASSES = 2;

/**
 * Whether an entry of a string table (a status, a tag value...) passes, decided the first time a
 * scan meets its code and remembered: a table of a million distinct serial numbers costs nothing
 * when the filter names another tag. Tables grow while the file streams in, so the memo does too.
 */
function tableTest(
  table: StringTable,
  test: (lower: string) => boolean,
): () => (code: number) => boolean {
  const memo = uint8Column(64);
  return () => {
    while (memo.length < table.values.length) memo.push(UNKNOWN);
    const seen = memo.view();
    return (code) => {
      let verdict = seen[code];
      if (verdict === UNKNOWN) {
        verdict = test((table.values[code] ?? '').toLowerCase()) ? PASSES : FAILS;
        seen[code] = verdict;
      }
      return verdict === PASSES;
    };
  };
}

/**
 * The filter compiled against the store's columns. `scan` appends the indices of matching records
 * in from..to-1 to `out`, in file order: a linear pass over typed arrays, a few tens of
 * milliseconds for a million records, and resumable, so records read later only extend the list.
 */
export function compileRegistryFilter(store: RegistryRowStore, filter: RegistryFilter) {
  const search = filter.search.trim().toLowerCase();
  const wantedAuth = filter.authType === 'unknown' ? '' : filter.authType.toLowerCase();
  const wantedEdge = filter.edge === 'any' ? -1 : filter.edge === 'edge' ? 1 : 0;
  const statusTest =
    filter.status === '' ? null : tableTest(store.statuses, (value) => value === filter.status);
  const authTest =
    filter.authType === '' ? null : tableTest(store.authTypes, (value) => value === wantedAuth);
  const tag = filter.tag.trim().toLowerCase();
  const at = tag.indexOf('=');
  const tagValueTest =
    tag === ''
      ? null
      : tableTest(store.tagValues, (value) => value === (at < 0 ? tag : tag.slice(at + 1).trim()));
  const tagNameTest =
    tag === '' || at < 0
      ? null
      : tableTest(store.tagNames, (name) => name === tag.slice(0, at).trim());

  // Ids are case-sensitive on the hub: the selection's ids are matched exactly, devices only (a
  // hub query of devices selects devices; their modules are not what it named).
  const selected = filter.hubSelection ? new Set(filter.hubSelection.deviceIds) : null;

  return function scan(from: number, to: number, out: (index: number) => void): void {
    // Views taken once per scan (no record is added during one): plain typed-array reads in the
    // loop.
    const statusOk = statusTest?.();
    const authOk = authTest?.();
    const valueOk = tagValueTest?.();
    const nameOk = tagNameTest?.();
    const idsLower = store.idsLower;
    const status = store.status.view();
    const auth = store.auth.view();
    const edge = store.edge.view();
    const tagStart = store.tagStart.view();
    const tagName = store.tagName.view();
    const tagValue = store.tagValue.view();
    for (let i = from; i < to; i++) {
      if (statusOk && !statusOk(status[i] as number)) continue;
      if (authOk && !authOk(auth[i] as number)) continue;
      if (wantedEdge >= 0 && edge[i] !== wantedEdge) continue;
      if (search !== '' && !(idsLower[i] as string).includes(search)) continue;
      if (selected && (!selected.has(store.ids[i] as string) || store.isModule(i))) continue;
      if (valueOk) {
        let found = false;
        for (
          let t = tagStart[i] as number, end = tagStart[i + 1] as number;
          t < end && !found;
          t++
        ) {
          // The name first: its table is small, the values' may hold one entry per device.
          found =
            (nameOk === undefined || nameOk(tagName[t] as number)) &&
            valueOk(tagValue[t] as number);
        }
        if (!found) continue;
      }
      out(i);
    }
  };
}
