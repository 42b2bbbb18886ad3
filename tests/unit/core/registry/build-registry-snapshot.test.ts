import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createSnapshotBuilder,
  parseRegistryText,
  readRegistrySnapshot,
} from '../../../../src/core/registry/build-registry-snapshot';
import { deviceKey } from '../../../../src/core/registry/device-key';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../fixtures/diff/${name}`, import.meta.url), 'utf8');

describe('building a registry snapshot', () => {
  it('keys devices by id and modules by id + moduleId', () => {
    const snapshot = parseRegistryText(fixture('export-a.txt'));
    expect(snapshot.records.has(deviceKey('dev-mod'))).toBe(true);
    expect(snapshot.records.get(deviceKey('dev-mod', 'mod-a-only'))).toMatchObject({
      id: 'dev-mod',
      moduleId: 'mod-a-only',
    });
    expect(snapshot.stats).toMatchObject({
      devices: 15,
      modules: 2,
      withKeys: 14,
      withoutAuthentication: 1,
    });
  });

  it('keeps the later of two lines for the same device and reports both line numbers', () => {
    const snapshot = parseRegistryText(fixture('duplicates-and-broken.txt'));
    const dup = snapshot.records.get(deviceKey('dup-1'));
    expect(dup?.line).toBe(5);
    expect(JSON.parse(dup?.text ?? '{}')).toMatchObject({ tags: { v: 2 } });
    expect(snapshot.records.get(deviceKey('ok-1', 'mod-1'))?.line).toBe(12);
    const duplicates = snapshot.issues.filter((i) => i.code === 'duplicate-device');
    expect(duplicates.map((i) => i.line)).toEqual([5, 12]);
    expect(duplicates[0]?.message).toContain('first on line 1');
    expect(snapshot.stats).toMatchObject({
      devices: 2,
      modules: 1,
      duplicates: 2,
      invalidLines: 5,
      lines: 12,
    });
  });

  it('lists issues in line order', () => {
    const lines = parseRegistryText(fixture('duplicates-and-broken.txt')).issues.map((i) => i.line);
    expect(lines).toEqual([...lines].sort((x, y) => x - y));
  });

  it('counts keys-excluded records and the leading comment', () => {
    const snapshot = parseRegistryText(fixture('export-b-keys-excluded.txt'));
    expect(snapshot.stats).toMatchObject({ withKeys: 0, withoutAuthentication: 18 });
    expect(snapshot.issueCounts).toEqual({ 'leading-comment-line': 1 });
  });

  it('reads an async chunk stream and reports progress', async () => {
    const text = fixture('export-a.txt');
    async function* chunks(): AsyncGenerator<string> {
      for (let at = 0; at < text.length; at += 500) yield text.slice(at, at + 500);
    }
    const seen: number[] = [];
    const snapshot = await readRegistrySnapshot(chunks(), (n) => seen.push(n));
    expect(snapshot.records.size).toBe(17);
    expect(seen.at(-1)).toBeLessThanOrEqual(17);
    expect(seen.length).toBeGreaterThan(5);
  });

  it('reports its size while being fed', () => {
    const builder = createSnapshotBuilder();
    builder.push('{"id":"a"}\n{"id":"b"}\n{"id":"c"}');
    expect(builder.size).toBe(2);
    expect(builder.finish().records.size).toBe(3);
  });
});
