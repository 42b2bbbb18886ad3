import { describe, expect, it } from 'vitest';
import { findUnmirroredTests } from '../../../tools/find-unmirrored-tests';

const REPO = new Set([
  'src/core/convert/convert-all.ts',
  'src/web/features/jobs/components/connection-lost-alert.tsx',
  'tools/typecheck.ts',
  'eslint.config.js',
]);
const rules = { isFile: (path: string) => REPO.has(path) };

describe('unit tests on their mirror paths', () => {
  it('accepts a test beside the mirror of its file, with or without an aspect', () => {
    const files = [
      'core/convert/convert-all.test.ts',
      'core/convert/convert-all.fixtures.test.ts',
      'web/features/jobs/components/connection-lost-alert.test.ts',
      'tools/typecheck.probes.test.ts',
      'eslint.config.probes.test.ts',
    ];
    expect(findUnmirroredTests(files, rules)).toEqual([]);
  });

  it('accepts helpers in a support/ folder', () => {
    expect(findUnmirroredTests(['core/convert/support/fixture-cases.ts'], rules)).toEqual([]);
  });

  it('reports a test off its mirror path, one named after nothing, and a loose helper', () => {
    const probes = [
      'web/features/jobs/connection-lost-alert.test.ts',
      'core/convert/conversion-properties.test.ts',
      'core/convert/fixture-cases.ts',
      'core/convert/convert-all.fixtures.extra.test.ts',
    ];
    expect(findUnmirroredTests(probes, rules)).toEqual(probes);
  });
});
