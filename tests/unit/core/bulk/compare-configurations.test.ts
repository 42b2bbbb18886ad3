import { describe, expect, it } from 'vitest';
import { compareConfigurations } from '../../../../src/core/bulk/compare-configurations';
import { copyConfigurations } from '../../../../src/core/bulk/copy-configurations';
import { fixtureConfigurationsText } from './support/hub-export-fixture';

// What the target's export of a copied configuration looks like: its own ETag and times, the
// properties in another order.
const asTargetExported = (line: Record<string, unknown>): string =>
  JSON.stringify({
    ETag: 'Mg==',
    CreatedTimeUtc: '2026-12-08T00:00:00Z',
    ...Object.fromEntries(Object.entries(line).reverse()),
  });

describe('compareConfigurations', () => {
  const source = fixtureConfigurationsText();
  const target = copyConfigurations(source)
    .text.split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

  it('finds a copy identical whatever ETag, times and key order the target gives it', () => {
    const result = compareConfigurations(source, target.map(asTargetExported).join('\r\n'));
    expect(result).toEqual({ total: 2, identical: 2, differences: [] });
  });

  it('names what is missing, extra, and which field changed', () => {
    const changed = { ...target[0], Priority: 11 };
    const result = compareConfigurations(
      source,
      [asTargetExported(changed), asTargetExported({ Id: 'extra' })].join('\n'),
    );
    expect(result.identical).toBe(0);
    expect(result.differences).toEqual([
      { id: 'edge-baseline', kind: 'changed', fields: ['priority'] },
      { id: 'extra', kind: 'added', fields: [] },
      { id: 'thermo-interval', kind: 'removed', fields: [] },
    ]);
  });
});
