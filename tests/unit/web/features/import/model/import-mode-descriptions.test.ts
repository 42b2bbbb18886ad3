import { describe, expect, it } from 'vitest';
import { IMPORT_MODES } from '../../../../../../src/core/model/import-mode';
import { IMPORT_MODE_DESCRIPTIONS } from '../../../../../../src/web/features/import/model/import-mode-descriptions';

describe('import mode descriptions', () => {
  it('lists all nine modes, each with a one-line explanation', () => {
    expect(IMPORT_MODE_DESCRIPTIONS.map((entry) => entry.mode)).toEqual([...IMPORT_MODES]);
    for (const entry of IMPORT_MODE_DESCRIPTIONS) expect(entry.description).not.toContain('\n');
  });

  it('marks deletes as destructive and create as safe', () => {
    const byMode = new Map(
      IMPORT_MODE_DESCRIPTIONS.map((entry) => [entry.mode, entry.destructive]),
    );
    expect(byMode.get('delete')).toBe(true);
    expect(byMode.get('create')).toBe(false);
  });
});
