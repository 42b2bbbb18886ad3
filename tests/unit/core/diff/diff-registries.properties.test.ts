import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDevices } from '../../../../src/core/diff/compare-devices';
import { diffRegistries } from '../../../../src/core/diff/diff-registries';
import { formatDiffCsv } from '../../../../src/core/diff/format-diff-csv';
import { formatDiffJson } from '../../../../src/core/diff/format-diff-json';
import type { ExportImportDevice } from '../../../../src/core/model/export-import-device';
import { createSnapshotBuilder } from '../../../../src/core/registry/build-registry-snapshot';
import { deviceKey } from '../../../../src/core/registry/device-key';
import type { RegistrySnapshot } from '../../../../src/core/registry/registry-types';

const KEY_PREFIX = 'SECRETKEY';
const scalar = fc.oneof(
  fc.constantFrom('a', 'b', '=x'),
  fc.integer({ min: 0, max: 3 }),
  fc.boolean(),
);
const twin = fc.dictionary(
  fc.constantFrom('site', 'floor', 'loc', 'x'),
  fc.oneof(scalar, fc.dictionary(fc.constantFrom('b', 'r'), scalar, { maxKeys: 2 })),
  { maxKeys: 3 },
);
const auth = fc.oneof(
  fc.constant(null),
  fc.record({
    type: fc.constant('sas' as const),
    symmetricKey: fc.record({
      primaryKey: fc.constantFrom(`${KEY_PREFIX}1`, `${KEY_PREFIX}2`),
      secondaryKey: fc.constantFrom(`${KEY_PREFIX}3`, null),
    }),
  }),
  fc.record({
    type: fc.constant('selfSigned' as const),
    x509Thumbprint: fc.record({
      primaryThumbprint: fc.constantFrom('T1', 'T2'),
      secondaryThumbprint: fc.constant(null),
    }),
  }),
);
const device: fc.Arbitrary<ExportImportDevice> = fc
  .record({
    id: fc.constantFrom('d1', 'd2', 'd3', 'd4', '-d5', 'd6'),
    moduleId: fc.option(fc.constantFrom('m1', 'm2', '$edgeAgent'), { nil: undefined }),
    eTag: fc.constantFrom('MA==', 'MQ=='),
    status: fc.constantFrom('enabled' as const, 'disabled' as const),
    authentication: auth,
    tags: twin,
    properties: fc.record({
      desired: fc
        .tuple(twin, fc.integer({ min: 1, max: 3 }))
        .map(([d, v]) => ({ ...d, $version: v })),
    }),
    capabilities: fc.record({ iotEdge: fc.boolean() }),
    deviceScope: fc.constantFrom(null, 'scope-1'),
  })
  .map((d) => (d.moduleId === undefined ? (({ moduleId: _omit, ...rest }) => rest)(d) : d));

interface Export {
  devices: ExportImportDevice[];
  crlf: boolean;
  comment: boolean;
  chunk: number;
}
const exportFile: fc.Arbitrary<Export> = fc.record({
  devices: fc.array(device, { maxLength: 14 }).map(uniqueByKey),
  crlf: fc.boolean(),
  comment: fc.boolean(),
  chunk: fc.integer({ min: 1, max: 400 }),
});

function uniqueByKey(devices: ExportImportDevice[]): ExportImportDevice[] {
  const byKey = new Map(devices.map((d) => [deviceKey(d.id, d.moduleId), d]));
  return [...byKey.values()];
}

function snapshotOf(file: Export, order: 'as-is' | 'reversed' = 'as-is'): RegistrySnapshot {
  const nl = file.crlf ? '\r\n' : '\n';
  const devices = order === 'reversed' ? [...file.devices].reverse() : file.devices;
  const text =
    (file.comment ? `Keys are not included${nl}` : '') +
    devices.map((d) => JSON.stringify(d) + nl).join('');
  const builder = createSnapshotBuilder();
  for (let at = 0; at < text.length; at += file.chunk)
    builder.push(text.slice(at, at + file.chunk));
  return builder.finish();
}

const keySet = (
  changes: { id: string; moduleId?: string; kind: string }[],
  kind: string,
): string[] => changes.filter((c) => c.kind === kind).map((c) => deviceKey(c.id, c.moduleId));

describe('diff properties', () => {
  it('finds an export unchanged against itself, whatever its line order, line ends and chunking', () => {
    fc.assert(
      fc.property(
        exportFile,
        fc.boolean(),
        fc.integer({ min: 1, max: 400 }),
        (file, crlf, chunk) => {
          const diff = diffRegistries(
            snapshotOf(file),
            snapshotOf({ ...file, crlf, chunk }, 'reversed'),
          );
          expect(diff.changes).toEqual([]);
          expect(diff.summary).toEqual({
            added: 0,
            removed: 0,
            changed: 0,
            unchanged: file.devices.length,
          });
        },
      ),
    );
  });

  it('is symmetric: added one way is removed the other way, and the same devices changed in the same fields', () => {
    fc.assert(
      fc.property(exportFile, exportFile, (x, y) => {
        const sx = snapshotOf(x);
        const sy = snapshotOf(y);
        const xy = diffRegistries(sx, sy);
        const yx = diffRegistries(sy, sx);
        expect(keySet(xy.changes, 'added')).toEqual(keySet(yx.changes, 'removed'));
        expect(keySet(xy.changes, 'removed')).toEqual(keySet(yx.changes, 'added'));
        expect(xy.changes.filter((c) => c.kind === 'changed')).toEqual(
          yx.changes.filter((c) => c.kind === 'changed'),
        );
        // A is before, B after: what A holds is removed, changed or unchanged; what B holds is added,
        // changed or unchanged.
        expect(xy.summary.removed + xy.summary.changed + xy.summary.unchanged).toBe(
          sx.records.size,
        );
        expect(xy.summary.added + xy.summary.changed + xy.summary.unchanged).toBe(sy.records.size);
      }),
    );
  });

  it('agrees with a field-level compare of every pair (the text and signature shortcuts are sound)', () => {
    fc.assert(
      fc.property(exportFile, exportFile, (x, y) => {
        const sx = snapshotOf(x);
        const sy = snapshotOf(y);
        const fast = diffRegistries(sx, sy).changes.filter((c) => c.kind === 'changed');
        const slow = x.devices.flatMap((dx) => {
          const dy = y.devices.find((d) => d.id === dx.id && d.moduleId === dx.moduleId);
          if (dy === undefined) return [];
          const fields = compareDevices(dx, dy).changed;
          return fields.length === 0
            ? []
            : [deviceKey(dx.id, dx.moduleId) + ':' + fields.join(',')];
        });
        expect(
          fast.map((c) => deviceKey(c.id, c.moduleId) + ':' + c.fields.join(',')).sort(),
        ).toEqual(slow.sort());
      }),
    );
  });

  it('never prints a key value', () => {
    fc.assert(
      fc.property(exportFile, exportFile, (x, y) => {
        const diff = diffRegistries(snapshotOf(x), snapshotOf(y), { includeVersionFields: true });
        expect(formatDiffJson(diff) + formatDiffCsv(diff) + JSON.stringify(diff)).not.toContain(
          KEY_PREFIX,
        );
      }),
    );
  });
});
