import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffRegistries } from '../../../../src/core/diff/diff-registries';
import { serializePlanLine } from '../../../../src/core/diff/serialize-plan-line';
import { IMPORT_MODES } from '../../../../src/core/model/import-mode';
import { planAll } from '../../../../src/core/plan/plan-all';
import { parseRegistryText } from '../../../../src/core/registry/build-registry-snapshot';
import { buildUndo } from '../../../../src/core/undo/build-undo';
import {
  exportLine,
  exportText,
  importText,
  KEY_A,
  KEY_B,
  KEY_C,
  sasAuth,
  THUMB,
} from '../plan/support/plan-test-lines';
import { registryAfter } from './support/registry-after';

// Any file of any modes against any small registry (no edge devices: their minted scopes cannot
// come back by design): the undo plans without a failing row against the registry the import
// leaves, and importing it gives back the snapshot, reported properties included.
const ids = fc.constantFrom('d0', 'd1', 'd2', 'd3', 'd4');
const moduleIds = fc.option(fc.constantFrom('m0', 'm1'), { nil: undefined });
const auth = fc.constantFrom(
  undefined,
  null,
  sasAuth(KEY_A, KEY_B),
  sasAuth(KEY_C, KEY_A),
  { type: 'sas' },
  { x509Thumbprint: { primaryThumbprint: THUMB, secondaryThumbprint: null }, type: 'selfSigned' },
);

const registryDevice = fc.record({
  id: ids,
  moduleId: moduleIds,
  status: fc.constantFrom('enabled', 'disabled'),
  tags: fc.constantFrom({}, { site: 'a' }, { site: 'b', floor: 2 }),
  desired: fc.constantFrom({}, { t: 1 }),
  reported: fc.constantFrom({}, { r: 1 }),
  auth: fc.constantFrom(sasAuth(KEY_A, KEY_B), sasAuth(KEY_B, KEY_C)),
});

const importRow = fc.record(
  {
    id: ids,
    moduleId: moduleIds,
    importMode: fc.constantFrom(...IMPORT_MODES),
    status: fc.constantFrom('enabled', 'disabled'),
    authentication: auth,
    tags: fc.constantFrom({}, { site: 'c' }),
    properties: fc.constantFrom({ desired: { t: 5 } }, { reported: { r: 9 } }),
    eTag: fc.constantFrom('MQ==', 'OTk='),
    twinETag: fc.constantFrom('AAAAAAAAAAE=', 'AAAAAAAAAAk='),
  },
  { requiredKeys: ['id', 'importMode'] },
);

type RegistryDevice = typeof registryDevice extends fc.Arbitrary<infer T> ? T : never;

function registryOf(devices: RegistryDevice[]): string {
  const lines = new Map<string, string>();
  for (const d of devices) {
    const withDevice =
      d.moduleId === undefined ||
      lines.has(d.id) ||
      devices.some((o) => o.id === d.id && o.moduleId === undefined);
    if (!withDevice) continue;
    lines.set(
      `${d.id}/${d.moduleId ?? ''}`,
      exportLine(d.id, {
        ...(d.moduleId !== undefined ? { moduleId: d.moduleId } : {}),
        status: d.status as 'enabled' | 'disabled',
        authentication: d.auth,
        tags: d.tags,
        properties: { desired: d.desired, reported: d.reported },
      }),
    );
  }
  return exportText(...[...lines.values()]);
}

describe('undo, for any import', () => {
  it('plans cleanly against the registry the import leaves and brings the snapshot back', () => {
    fc.assert(
      fc.property(
        fc.array(registryDevice, { maxLength: 8 }),
        fc.array(importRow, { maxLength: 10 }),
        fc.record({
          keepKeys: fc.boolean(),
          leaveOutUnchanged: fc.boolean(),
          batchLines: fc.constantFrom(0, 10_000),
        }),
        (devices, rows, options) => {
          const registry = registryOf(devices);
          const planned = planAll(importText(...rows), registry, options);
          const undoText = [...buildUndo(planned.result.changes).lines()]
            .map((l) => serializePlanLine(l) + '\n')
            .join('');
          const after = registryAfter(registry, planned.result.changes, 1);
          const restore = planAll(undoText, after);
          expect(restore.rows.filter((r) => r.outcome === 'fail')).toEqual([]);
          const restored = registryAfter(after, restore.result.changes, 2);
          const diff = diffRegistries(parseRegistryText(restored), parseRegistryText(registry), {
            includeReported: true,
          });
          expect(diff.changes).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
