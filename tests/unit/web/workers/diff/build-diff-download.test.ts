import { describe, expect, it } from 'vitest';
import { formatDiffJson } from '../../../../../src/core/diff';
import type { RegistryDiff } from '../../../../../src/core/diff';
import { buildDiffDownload } from '../../../../../src/web/workers/diff/build-diff-download';

const base: RegistryDiff = {
  summary: { added: 0, removed: 0, changed: 0, unchanged: 3 },
  changes: [],
  notices: [],
  options: { includeVersionFields: false, includeReported: false },
};

describe('buildDiffDownload', () => {
  it('writes the same JSON as core for an empty and a non-empty diff', async () => {
    expect(await buildDiffDownload(base, 'json').text()).toBe(formatDiffJson(base));
    const diff: RegistryDiff = {
      ...base,
      summary: { added: 1, removed: 0, changed: 1, unchanged: 1 },
      changes: [
        { id: 'a', kind: 'added', fields: [] },
        { id: 'b', moduleId: 'm', kind: 'changed', fields: ['status'] },
      ],
    };
    const text = await buildDiffDownload(diff, 'json').text();
    expect(text).toBe(formatDiffJson(diff));
    expect(JSON.parse(text)).toMatchObject({ summary: diff.summary });
  });

  it('neutralises formula-looking ids in the CSV', async () => {
    const diff: RegistryDiff = {
      ...base,
      changes: [{ id: '=HYPERLINK("x")', kind: 'removed', fields: [] }],
    };
    expect(await buildDiffDownload(diff, 'csv').text()).toContain(`removed,"'=HYPERLINK(""x"")",,`);
  });
});
