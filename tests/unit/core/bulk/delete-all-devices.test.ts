import { describe, expect, it } from 'vitest';
import { createDeleteAllDevices } from '../../../../src/core/bulk/delete-all-devices';
import { runExportPasses } from '../../../../src/core/bulk/run-export-passes';
import { chunked, fixtureDevicesText } from './support/hub-export-fixture';

describe('createDeleteAllDevices', () => {
  it('deletes every device by its eTag, leaves first, then gateways from the deepest', async () => {
    const engine = createDeleteAllDevices();
    const lines: Array<Record<string, unknown>> = [];
    await runExportPasses(chunked(fixtureDevicesText()), engine, async (out) => {
      lines.push(...out.map((l) => JSON.parse(l) as Record<string, unknown>));
    });
    expect(lines.map((l) => l.id)).toEqual([
      'leaf-thermo-01',
      'leaf-thermo-02',
      'sensor-plain-01',
      'sensor-x509-01',
      'sensor-retired-07',
      'sensor-with-module',
      'edge-child-01',
      'edge-root-01',
    ]);
    expect(lines[0]).toEqual({
      id: 'leaf-thermo-01',
      eTag: 'ODcwMDE5NzEy',
      importMode: 'deleteIfMatchETag',
      status: 'enabled',
    });
    expect(engine.counts).toEqual({ devices: 8, modules: 6 });
  });

  it('deletes unconditionally a line without eTag', async () => {
    const engine = createDeleteAllDevices();
    const out: string[] = [];
    await runExportPasses(chunked('{"id":"a","status":"disabled"}\n'), engine, async (l) => {
      out.push(...l);
    });
    expect(out).toEqual(['{"id":"a","importMode":"delete","status":"disabled"}']);
  });
});
