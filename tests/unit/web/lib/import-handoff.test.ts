import { describe, expect, it } from 'vitest';
import { handOffToImport, readImportHandoff } from '../../../../src/web/lib/import-handoff';

describe('the import hand-off in location state', () => {
  it('reads back the file, mode and reason a page handed to the wizard', () => {
    const file = new File(['{"id":"a"}\n'], 'retry.ndjson');
    const { state } = handOffToImport({ file, suggestedMode: 'create', reason: 'retry' });
    expect(readImportHandoff(state)).toEqual({ file, suggestedMode: 'create', reason: 'retry' });
  });

  it('reads back that the file holds new keys, and only a literal true', () => {
    const file = new File(['{"id":"a"}\n'], 'keys.ndjson');
    const handoff = { file, suggestedMode: 'updateIfMatchETag' as const, reason: 'keys' };
    expect(readImportHandoff(handOffToImport({ ...handoff, newKeysInside: true }).state)).toEqual({
      ...handoff,
      newKeysInside: true,
    });
    expect(readImportHandoff({ importHandoff: { ...handoff, newKeysInside: 'yes' } })).toEqual(
      handoff,
    );
  });

  it('reads none from an empty entry, another page’s state or a damaged hand-off', () => {
    const file = new File(['x'], 'x.ndjson');
    expect(readImportHandoff(null)).toBeNull();
    expect(readImportHandoff({ from: '/jobs' })).toBeNull();
    expect(
      readImportHandoff({ importHandoff: { file: 'x', suggestedMode: 'create', reason: '' } }),
    ).toBeNull();
    expect(
      readImportHandoff({ importHandoff: { file, suggestedMode: 'upsert', reason: '' } }),
    ).toBeNull();
  });
});
