import { KEYS_PATH } from '../diff/collect-device-fields';
import type { DeviceChange, RegistryDiff } from '../diff/diff-types';
import type { ConfigurationComparison } from './compare-configurations';
import { isEdgeRuntimeModule } from './copy-device-line';

// What a copy's verification says (docs/bulk-flows.md, "Copy a hub into another"): the diff of
// the source's export (A) against the target's (B), version fields excluded, read as "N of N
// identical" or the differences. The one difference a correct copy leaves is the keys of the edge
// runtime's modules ($edgeAgent, $edgeHub): the copy does not write them and the target makes its
// own with each edge device. Those count as copied but are named apart, never hidden; any other
// difference of those modules (their desired properties) is a difference.

export interface CopyVerification {
  /** Identities of the source (devices and modules). */
  total: number;
  /** Identities of the source the target holds as they are. */
  identical: number;
  /** Runtime modules that differ only by the keys the target made. */
  runtimeKeysMadeByTarget: number;
  /** Every other difference, A -> B. */
  differences: DeviceChange[];
  configurations?: ConfigurationComparison;
  /** True when nothing but the runtime modules' keys differs. */
  ok: boolean;
}

export function verifyCopy(
  diff: RegistryDiff,
  configurations?: ConfigurationComparison,
): CopyVerification {
  const { summary } = diff;
  const total = summary.unchanged + summary.changed + summary.removed;
  let runtimeKeysMadeByTarget = 0;
  const differences: DeviceChange[] = [];
  for (const change of diff.changes) {
    if (
      change.kind === 'changed' &&
      isEdgeRuntimeModule(change.moduleId) &&
      change.fields.length === 1 &&
      change.fields[0] === KEYS_PATH
    )
      runtimeKeysMadeByTarget++;
    else differences.push(change);
  }
  const configurationsOk = configurations === undefined || configurations.differences.length === 0;
  return {
    total,
    identical: summary.unchanged,
    runtimeKeysMadeByTarget,
    differences,
    ...(configurations === undefined ? {} : { configurations }),
    ok: differences.length === 0 && configurationsOk,
  };
}

const count = (n: number): string => n.toLocaleString('en-US');

/** "100,000 of 100,000 identical", with what the target made itself and the configurations. */
export function describeCopyVerification(v: CopyVerification): string {
  const parts = [
    `${count(v.identical + v.runtimeKeysMadeByTarget)} of ${count(v.total)} identical`,
  ];
  if (v.runtimeKeysMadeByTarget > 0)
    parts.push(
      `(${count(v.runtimeKeysMadeByTarget)} of them IoT Edge runtime modules whose keys the target made itself)`,
    );
  const added = v.differences.filter((d) => d.kind === 'added').length;
  if (added > 0) parts.push(`; ${count(added)} only on the target`);
  const c = v.configurations;
  if (c !== undefined)
    parts.push(
      `; configurations: ${count(c.identical)} of ${count(c.total)} identical${
        c.differences.some((d) => d.kind === 'added')
          ? `, ${count(c.differences.filter((d) => d.kind === 'added').length)} only on the target`
          : ''
      }`,
    );
  return parts.join(' ').replace(/ ;/g, ';');
}
