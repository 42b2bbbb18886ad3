import { describe, expect, it } from 'vitest';
import { diffRegistries } from '../../../../src/core/diff/diff-registries';
import type { DeviceChange } from '../../../../src/core/diff/diff-types';
import { parseRegistryText } from '../../../../src/core/registry/build-registry-snapshot';
import { fixtureSnapshot, fixtureText } from './support/load-fixture';

const a = fixtureSnapshot('export-a.txt');
const b = fixtureSnapshot('export-b.txt');
const find = (changes: DeviceChange[], id: string, moduleId?: string): DeviceChange | undefined =>
  changes.find((c) => c.id === id && c.moduleId === moduleId);

describe('diffRegistries over the A/B export fixtures', () => {
  const diff = diffRegistries(a, b);

  it.each([
    ['dev-status', ['status', 'statusReason']],
    ['dev-keys', ['authentication.keys']],
    [
      'dev-auth-type',
      [
        'authentication.type',
        'authentication.x509Thumbprint.primaryThumbprint',
        'authentication.x509Thumbprint.secondaryThumbprint',
      ],
    ],
    ['dev-thumb', ['authentication.x509Thumbprint.primaryThumbprint']],
    ['dev-tags', ['tags.floor', 'tags.location.room', 'tags.site']],
    ['dev-desired', ['properties.desired.interval']],
    ['dev-edge', ['capabilities.iotEdge']],
    ['dev-scope', ['deviceScope', 'parentScopes']],
  ])('reports %s as changed in exactly %j', (id, fields) => {
    expect(find(diff.changes, id)).toEqual({ id, kind: 'changed', fields });
  });

  it.each(['dev-same', 'dev-version-only', 'dev-reported', 'dev-order', '-dev-dash'])(
    'counts %s as unchanged',
    (id) => {
      expect(find(diff.changes, id)).toBeUndefined();
    },
  );

  it('reads A as before and B as after: added is only in B, removed only in A, modules keyed with their device', () => {
    expect(diff.changes.filter((c) => c.kind === 'removed').map((c) => [c.id, c.moduleId])).toEqual(
      [
        ['dev-a-only', undefined],
        ['dev-mod', 'mod-a-only'],
      ],
    );
    expect(diff.changes.filter((c) => c.kind === 'added').map((c) => [c.id, c.moduleId])).toEqual([
      ['dev-b-only', undefined],
      ['dev-b-only', 'mod-r'],
      ['dev-edge', '$edgeHub'],
    ]);
    expect(diff.summary).toEqual({ added: 3, removed: 2, changed: 8, unchanged: 7 });
  });

  it('sorts changes by id, a device before its modules', () => {
    const keys = diff.changes.map((c) => `${c.id}\u0000${c.moduleId ?? ''}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('compares version fields only when asked', () => {
    const strict = diffRegistries(a, b, { includeVersionFields: true });
    expect(find(strict.changes, 'dev-version-only')?.fields).toEqual([
      'eTag',
      'twinETag',
      'properties.desired.$metadata',
      'properties.desired.$version',
    ]);
    expect(find(strict.changes, 'dev-reported')).toBeUndefined();
    expect(find(strict.changes, 'dev-order')).toBeUndefined();
  });

  it('compares reported properties only when asked, with their metadata only alongside version fields', () => {
    expect(
      find(diffRegistries(a, b, { includeReported: true }).changes, 'dev-reported')?.fields,
    ).toEqual(['properties.reported.fw']);
    const both = diffRegistries(a, b, { includeVersionFields: true, includeReported: true });
    expect(find(both.changes, 'dev-version-only')?.fields).toContain(
      'properties.reported.$metadata',
    );
  });

  it('does not depend on line order', () => {
    const shuffled = (name: string): string => fixtureTextReversed(name);
    const reversed = diffRegistries(
      parseRegistryText(shuffled('export-a.txt')),
      parseRegistryText(shuffled('export-b.txt')),
    );
    expect(reversed.summary).toEqual(diff.summary);
    expect(reversed.changes).toEqual(diff.changes);
  });
});

describe('diffRegistries against a keys-excluded export', () => {
  const diff = diffRegistries(a, fixtureSnapshot('export-b-keys-excluded.txt'));

  it('does not compare authentication where one side exported none, and says so', () => {
    expect(find(diff.changes, 'dev-keys')).toBeUndefined();
    expect(find(diff.changes, 'dev-auth-type')).toBeUndefined();
    expect(find(diff.changes, 'dev-status')?.fields).toEqual(['status', 'statusReason']);
    expect(diff.notices.map((n) => n.code)).toEqual([
      'authentication-not-compared',
      'keys-not-compared',
    ]);
  });

  it('finds two keys-excluded exports of the same registry equal, warning that keys were not compared', () => {
    const x = fixtureSnapshot('export-b-keys-excluded.txt');
    const same = diffRegistries(x, fixtureSnapshot('export-b-keys-excluded.txt'));
    expect(same.summary).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 18 });
    expect(same.notices.find((n) => n.code === 'keys-not-compared')?.message).toContain(
      'neither A nor B',
    );
  });
});

describe('field normalisation', () => {
  const one = (line: string) => parseRegistryText(`${line}\n`);
  it.each([
    ['status casing', '{"id":"d","status":"Enabled"}', '{"id":"d","status":"enabled"}'],
    ['absent vs null statusReason', '{"id":"d","statusReason":null}', '{"id":"d"}'],
    ['empty vs absent tags', '{"id":"d","tags":{}}', '{"id":"d"}'],
    ['iotEdge false vs absent', '{"id":"d","capabilities":{"iotEdge":false}}', '{"id":"d"}'],
    ['empty vs absent parentScopes', '{"id":"d","parentScopes":[]}', '{"id":"d"}'],
    ['importMode of a converted file', '{"id":"d","importMode":"create"}', '{"id":"d"}'],
  ])('treats %s as no change', (_name, left, right) => {
    expect(diffRegistries(one(left), one(right)).summary.unchanged).toBe(1);
  });

  it('reports a whole array value under one path', () => {
    const d = diffRegistries(
      one('{"id":"d","tags":{"list":[1,2]}}'),
      one('{"id":"d","tags":{"list":[2,1]}}'),
    );
    expect(d.changes[0]?.fields).toEqual(['tags.list']);
  });

  it('reports a tag that turned from a value into an object by its leaves', () => {
    const d = diffRegistries(
      one('{"id":"d","tags":{"loc":{"b":"1"}}}'),
      one('{"id":"d","tags":{"loc":"x"}}'),
    );
    expect(d.changes[0]?.fields).toEqual(['tags.loc', 'tags.loc.b']);
  });
});

function fixtureTextReversed(name: string): string {
  const lines = fixtureText(name)
    .split(/\r?\n/)
    .filter((l) => l.startsWith('{'));
  return lines.reverse().join('\n');
}
