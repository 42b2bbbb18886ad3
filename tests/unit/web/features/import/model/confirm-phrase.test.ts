import { describe, expect, it } from 'vitest';
import {
  confirmPhraseFor,
  confirmPhraseForPlan,
  countDestructive,
  matchesConfirmPhrase,
} from '../../../../../../src/web/features/import/model/confirm-phrase';

describe('confirm phrase', () => {
  it('names a key regeneration as new keys, and other changes as changes', () => {
    const summary = { delete: 0, update: 3 };
    expect(confirmPhraseForPlan({ summary, keysRotated: 0, keysReplaced: 3 }, 'hub-a')).toBe(
      'give 3 devices new keys in hub-a',
    );
    expect(confirmPhraseForPlan({ summary, keysRotated: 1, keysReplaced: 1 }, 'hub-a')).toBe(
      'change 2 devices and give 2 devices new keys in hub-a',
    );
    expect(confirmPhraseForPlan({ summary, keysRotated: 0 }, 'hub-a')).toBe(
      'change 3 devices in hub-a',
    );
  });

  it('names the delete count with separators', () => {
    expect(confirmPhraseFor({ delete: 1204 }, 'contoso-prod')).toBe(
      'delete 1,204 devices in contoso-prod',
    );
  });

  it('adds overwrites for the update modes', () => {
    expect(
      confirmPhraseFor({ deleteIfMatchETag: 1, update: 10, updateTwin: 5, create: 99 }, 'h1'),
    ).toBe('delete 1 device and overwrite 15 devices in h1');
  });

  it('asks no typed confirmation for createOrUpdate, which overwrites only devices that exist', () => {
    expect(confirmPhraseFor({ createOrUpdate: 3 }, 'h1')).toBeNull();
    expect(countDestructive({ createOrUpdate: 3, createOrUpdateIfMatchETag: 1 }).mayOverwrite).toBe(
      4,
    );
  });

  it('needs no confirmation for a create-only import', () => {
    expect(confirmPhraseFor({ create: 990 }, 'h1')).toBeNull();
  });

  it('counts deletes and overwrites separately', () => {
    expect(countDestructive({ delete: 2, deleteIfMatchETag: 3, update: 4 })).toEqual({
      deletes: 5,
      overwrites: 4,
      mayOverwrite: 0,
    });
  });

  it('accepts the phrase regardless of case and spacing but not another count', () => {
    expect(matchesConfirmPhrase('  Delete   1,204 devices ', 'delete 1,204 devices')).toBe(true);
    expect(matchesConfirmPhrase('delete 1,205 devices', 'delete 1,204 devices')).toBe(false);
    expect(matchesConfirmPhrase('delete 1204 devices', 'delete 1,204 devices')).toBe(false);
  });
});
