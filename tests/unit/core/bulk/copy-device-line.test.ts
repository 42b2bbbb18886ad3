import { describe, expect, it } from 'vitest';
import {
  copyDeviceLine,
  COPY_NOTE_REASONS,
  COPY_SKIP_REASONS,
} from '../../../../src/core/bulk/copy-device-line';
import { createEdgeHierarchy } from '../../../../src/core/bulk/edge-hierarchy';
import type { ExportImportDevice } from '../../../../src/core/model/export-import-device';
import { entry } from './support/hub-export-fixture';

const KEYS = { primaryKey: 'cHJpbWFyeQ==', secondaryKey: 'c2Vjb25kYXJ5' };
const GW_SCOPE = 'ms-azure-iot-edge://gw-637939284771553170';
const sas = { symmetricKey: KEYS, x509Thumbprint: null, type: 'sas' as const };
const hierarchy = () => {
  const h = createEdgeHierarchy();
  h.add(
    entry({ id: 'gw', capabilities: { iotEdge: true }, deviceScope: GW_SCOPE, parentScopes: [] }),
  );
  return h;
};
const copied = (device: ExportImportDevice, mode: 'create' | 'createOrUpdate' = 'create') => {
  const result = copyDeviceLine(entry(device), mode, hierarchy());
  return 'line' in result ? { ...result, line: JSON.parse(result.line) as unknown } : result;
};

describe('copyDeviceLine', () => {
  it('keeps keys, twin and parent, and drops every version field of the source', () => {
    const exported = {
      id: 'leaf',
      eTag: 'ODcwMDE5NzEy',
      status: 'disabled',
      statusReason: 'retired',
      authentication: sas,
      twinETag: 'AAAAAAAAAAM=',
      tags: { site: 'berlin' },
      properties: {
        desired: { interval: 30, $metadata: { $lastUpdated: 'x' }, $version: 4 },
        reported: { firmware: '2.1.0', $version: 9 },
      },
      capabilities: { iotEdge: false },
      deviceScope: GW_SCOPE,
      parentScopes: [GW_SCOPE],
      generationId: '637939285120834411',
      connectionState: 'Connected',
      lastActivityTime: '2026-01-01T00:00:00Z',
      statusUpdatedTime: '2026-01-01T00:00:00Z',
    } as ExportImportDevice;
    expect(copied(exported)).toEqual({
      line: {
        id: 'leaf',
        importMode: 'create',
        status: 'disabled',
        statusReason: 'retired',
        authentication: sas,
        tags: { site: 'berlin' },
        properties: { desired: { interval: 30 }, reported: { firmware: '2.1.0' } },
        capabilities: { iotEdge: false },
        deviceScope: GW_SCOPE,
        parentScopes: [GW_SCOPE],
      },
    });
  });

  it('writes the mode asked for a re-run', () => {
    expect(copied({ id: 'd', status: 'enabled', authentication: sas }, 'createOrUpdate')).toEqual({
      line: {
        id: 'd',
        importMode: 'createOrUpdate',
        status: 'enabled',
        authentication: sas,
        capabilities: { iotEdge: false },
      },
    });
  });

  it("keeps an edge device's own scope and its parent", () => {
    const child = {
      id: 'child',
      status: 'enabled' as const,
      authentication: sas,
      capabilities: { iotEdge: true },
      deviceScope: 'ms-azure-iot-edge://child-1',
      parentScopes: [GW_SCOPE],
    };
    expect(copied(child)).toMatchObject({
      line: { deviceScope: 'ms-azure-iot-edge://child-1', parentScopes: [GW_SCOPE] },
    });
  });

  it('copies a device whose parent is not in the export without the parent, and says so', () => {
    const result = copied({
      id: 'leaf',
      status: 'enabled',
      authentication: sas,
      deviceScope: 'ms-azure-iot-edge://gone-1',
      parentScopes: ['ms-azure-iot-edge://gone-1'],
    });
    expect(result).toEqual({
      line: {
        id: 'leaf',
        importMode: 'create',
        status: 'enabled',
        authentication: sas,
        capabilities: { iotEdge: false },
      },
      note: COPY_NOTE_REASONS.danglingParent,
    });
  });

  it('copies modules with their keys and twin, without device-only fields', () => {
    expect(
      copied({
        id: 'd',
        moduleId: 'telemetry',
        eTag: 'MQ==',
        status: 'enabled',
        authentication: sas,
        twinETag: 'AAAAAAAAAAE=',
        tags: {},
        properties: { desired: { rate: 5 }, reported: {} },
        capabilities: { iotEdge: false },
      }),
    ).toEqual({
      line: {
        id: 'd',
        moduleId: 'telemetry',
        importMode: 'create',
        status: 'enabled',
        authentication: sas,
        properties: { desired: { rate: 5 } },
      },
    });
  });

  it('keeps thumbprints and certificate-authority devices as they are', () => {
    const x509 = {
      x509Thumbprint: { primaryThumbprint: 'A'.repeat(40), secondaryThumbprint: 'B'.repeat(40) },
      type: 'selfSigned' as const,
    };
    expect(copied({ id: 'x', status: 'enabled', authentication: x509 })).toMatchObject({
      line: { authentication: x509 },
    });
    expect(
      copied({ id: 'ca', status: 'enabled', authentication: { type: 'certificateAuthority' } }),
    ).toMatchObject({ line: { authentication: { type: 'certificateAuthority' } } });
  });

  it('skips the edge runtime modules and what has no keys, with the reason', () => {
    expect(copied({ id: 'gw', moduleId: '$edgeAgent', authentication: sas })).toEqual({
      skipped: COPY_SKIP_REASONS.runtimeModule,
    });
    expect(
      copied({
        id: 'gw',
        moduleId: '$edgeHub',
        authentication: null,
        properties: { desired: { routes: {} } },
      }),
    ).toEqual({ skipped: COPY_SKIP_REASONS.runtimeModuleWithTwin });
    expect(copied({ id: 'd', status: 'enabled', authentication: null })).toEqual({
      skipped: COPY_SKIP_REASONS.noKeys,
    });
    expect(
      copied({
        id: 'd',
        authentication: { symmetricKey: { primaryKey: null, secondaryKey: null }, type: 'sas' },
      }),
    ).toEqual({ skipped: COPY_SKIP_REASONS.noKeys });
  });
});
