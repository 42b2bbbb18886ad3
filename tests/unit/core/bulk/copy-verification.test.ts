import { describe, expect, it } from 'vitest';
import { describeCopyVerification, verifyCopy } from '../../../../src/core/bulk/copy-verification';
import type { RegistryDiff } from '../../../../src/core/diff/diff-types';

const diff = (changes: RegistryDiff['changes'], unchanged: number): RegistryDiff => ({
  summary: {
    added: changes.filter((c) => c.kind === 'added').length,
    removed: changes.filter((c) => c.kind === 'removed').length,
    changed: changes.filter((c) => c.kind === 'changed').length,
    unchanged,
  },
  changes,
  notices: [],
  options: { includeVersionFields: false, includeReported: false },
});

describe('verifyCopy', () => {
  it('counts runtime modules that differ only by their keys as copied, named apart', () => {
    const v = verifyCopy(
      diff(
        [
          { id: 'gw', moduleId: '$edgeAgent', kind: 'changed', fields: ['authentication.keys'] },
          { id: 'gw', moduleId: '$edgeHub', kind: 'changed', fields: ['authentication.keys'] },
        ],
        99_998,
      ),
      { total: 2, identical: 2, differences: [] },
    );
    expect(v.ok).toBe(true);
    expect(describeCopyVerification(v)).toBe(
      '100,000 of 100,000 identical (2 of them IoT Edge runtime modules whose keys the target made itself); configurations: 2 of 2 identical',
    );
  });

  it('reports every other difference, also of a runtime module and of a configuration', () => {
    const v = verifyCopy(
      diff(
        [
          {
            id: 'gw',
            moduleId: '$edgeAgent',
            kind: 'changed',
            fields: ['authentication.keys', 'properties.desired.modules'],
          },
          { id: 'd1', kind: 'changed', fields: ['authentication.keys'] },
          { id: 'd2', kind: 'removed', fields: [] },
          { id: 'd3', kind: 'added', fields: [] },
        ],
        7,
      ),
      { total: 1, identical: 0, differences: [{ id: 'c', kind: 'removed', fields: [] }] },
    );
    expect(v.ok).toBe(false);
    expect(v.differences.map((d) => d.id)).toEqual(['gw', 'd1', 'd2', 'd3']);
    expect(describeCopyVerification(v)).toBe(
      '7 of 10 identical; 1 only on the target; configurations: 0 of 1 identical',
    );
    expect(
      verifyCopy(diff([], 3), {
        total: 1,
        identical: 0,
        differences: [{ id: 'c', kind: 'removed', fields: [] }],
      }).ok,
    ).toBe(false);
  });
});
