import { describe, expect, it } from 'vitest';
import { COPY_SKIP_REASONS } from '../../../../src/core/bulk/copy-device-line';
import {
  createHubDeviceCopy,
  type CopyPassOutput,
  type SkippedLine,
} from '../../../../src/core/bulk/copy-hub-devices';
import { runExportPasses } from '../../../../src/core/bulk/run-export-passes';
import { chunked, fixtureDevicesText } from './support/hub-export-fixture';

async function copyAll(text: string, mode: 'create' | 'createOrUpdate' = 'create') {
  const copy = createHubDeviceCopy(mode);
  const lines: Array<Record<string, unknown>> = [];
  const skipped: SkippedLine[] = [];
  const notes: SkippedLine[] = [];
  await runExportPasses(chunked(text), copy, async (out: CopyPassOutput) => {
    lines.push(...out.lines.map((l) => JSON.parse(l) as Record<string, unknown>));
    skipped.push(...out.skipped);
    notes.push(...out.notes);
  });
  const names = lines.map((l) => (l.moduleId ? `${String(l.id)}/${String(l.moduleId)}` : l.id));
  return { copy, lines, names, skipped, notes };
}

describe('createHubDeviceCopy on an export in the live format', () => {
  it('writes parents before children and every device before its modules', async () => {
    const { names, copy } = await copyAll(fixtureDevicesText());
    expect(copy.writePasses).toBe(3);
    expect(names).toEqual([
      'edge-root-01',
      'edge-child-01',
      'leaf-thermo-01',
      'edge-root-01/SimulatedTemperatureSensor',
      'leaf-thermo-02',
      'sensor-plain-01',
      'sensor-x509-01',
      'sensor-retired-07',
      'sensor-with-module',
      'sensor-with-module/telemetry',
    ]);
    expect(copy.counts.devices).toBe(8);
    expect(copy.counts.modules).toBe(2);
  });

  it('skips the four runtime modules with their line and reason, and nothing else', async () => {
    const { skipped, notes } = await copyAll(fixtureDevicesText());
    expect(skipped.map((s) => [s.line, `${s.id}/${s.moduleId}`])).toEqual([
      [3, 'edge-root-01/$edgeAgent'],
      [4, 'edge-root-01/$edgeHub'],
      [7, 'edge-child-01/$edgeAgent'],
      [8, 'edge-child-01/$edgeHub'],
    ]);
    // The root's runtime modules carry a deployment in their desired properties, the child's none.
    expect(skipped.map((s) => s.reason)).toEqual([
      COPY_SKIP_REASONS.runtimeModuleWithTwin,
      COPY_SKIP_REASONS.runtimeModuleWithTwin,
      COPY_SKIP_REASONS.runtimeModule,
      COPY_SKIP_REASONS.runtimeModule,
    ]);
    expect(notes).toEqual([]);
  });

  it('carries keys and no version field of the source', async () => {
    const source = new Map(
      fixtureDevicesText()
        .split('\r\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .map((d) => [`${String(d.id)}/${String(d.moduleId ?? '')}`, d]),
    );
    const { lines } = await copyAll(fixtureDevicesText(), 'createOrUpdate');
    for (const line of lines) {
      expect(line.importMode).toBe('createOrUpdate');
      expect(line).not.toHaveProperty('eTag');
      expect(line).not.toHaveProperty('twinETag');
      const from = source.get(`${String(line.id)}/${String(line.moduleId ?? '')}`);
      expect(line.authentication).toEqual(from?.authentication);
    }
  });

  it('holds a module listed before its device until the device is written', async () => {
    const key = { primaryKey: 'cHJpbWFyeQ==', secondaryKey: 'c2Vjb25kYXJ5' };
    const auth = { symmetricKey: key, type: 'sas' };
    const text = [
      { id: 'b', moduleId: 'm', status: 'enabled', authentication: auth },
      { id: 'a', status: 'enabled', authentication: auth },
      { id: 'b', status: 'enabled', authentication: auth },
      { id: 'c', status: 'enabled', authentication: null },
      { id: 'c', moduleId: 'm', status: 'enabled', authentication: auth },
    ]
      .map((l) => `${JSON.stringify(l)}\n`)
      .join('');
    const { names, skipped } = await copyAll(text);
    expect(names).toEqual(['a', 'b', 'b/m']);
    expect(skipped.map((s) => [s.line, s.reason])).toEqual([
      [4, COPY_SKIP_REASONS.noKeys],
      [5, COPY_SKIP_REASONS.deviceNotCopied],
    ]);
  });
});
