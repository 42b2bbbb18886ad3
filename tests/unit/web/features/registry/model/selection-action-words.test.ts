import { describe, expect, it } from 'vitest';
import {
  filterWords,
  leftOutWords,
  newKeysWords,
  selectionActionReason,
  suggestedModeOf,
} from '../../../../../../src/web/features/registry/model/selection-action-words';
import { EMPTY_FILTER } from '../../../../../../src/web/workers/registry/registry-filter';

describe('selection action words', () => {
  it('names every part of the filter, or says there is none', () => {
    expect(filterWords(EMPTY_FILTER)).toBe('every record (no filter)');
    expect(
      filterWords({ ...EMPTY_FILTER, search: ' lab- ', status: 'enabled', tag: 'site=x' }),
    ).toBe('ids containing "lab-", status enabled, tag site=x');
  });

  it('counts modules and other records left out apart, each with its reason', () => {
    expect(leftOutWords({ 'a module has no status of its own': 3, 'already disabled': 1 })).toBe(
      '3 modules left out: a module has no status of its own; 1 record left out: already disabled',
    );
    expect(leftOutWords({})).toBe('');
  });

  it('says what is asked, of which snapshot, through which filter and what was left out', () => {
    expect(
      selectionActionReason({
        action: 'disable',
        filter: { ...EMPTY_FILTER, search: 'act-' },
        snapshot: 'before · export id abc',
        written: 3,
        leftOut: { 'a module has no status of its own': 3 },
      }),
    ).toBe(
      'Disable 3 identities of the snapshot before · export id abc, filter: ids containing "act-". 3 modules left out: a module has no status of its own. Each line keeps the keys, thumbprints and scopes the export has, so nothing else changes. A device changed since that export is refused (412), not overwritten.',
    );
  });

  it('says for new keys that the file is deleted when the job ends and the backup keeps the old keys', () => {
    const reason = selectionActionReason({
      action: 'regenerate-primary',
      filter: EMPTY_FILTER,
      snapshot: 'export id abc',
      written: 2,
      leftOut: { "a module's keys are its own: not regenerated with its device": 1 },
    });
    expect(reason).toContain('Give new primary keys to 2 identities of the snapshot export id abc');
    expect(reason).toContain("1 module left out: a module's keys are its own");
    expect(reason).toContain('the proxy deletes this import file from storage when the job ends');
    expect(reason).toContain('the backup keeps the old keys for undo');
    expect(newKeysWords('regenerate-both')).toBe('new primary and secondary keys');
  });

  it('suggests the eTag-checked mode of the action', () => {
    expect(suggestedModeOf('delete')).toBe('deleteIfMatchETag');
    expect(suggestedModeOf('swap-keys')).toBe('updateIfMatchETag');
  });
});
