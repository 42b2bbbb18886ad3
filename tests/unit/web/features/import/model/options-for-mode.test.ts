import { describe, expect, it } from 'vitest';
import { IMPORT_MODES, type ImportMode } from '../../../../../../src/core/model/import-mode';
import {
  relevantOptionsFor,
  withHiddenOptionsNeutral,
} from '../../../../../../src/web/features/import/model/options-for-mode';

const chosen = {
  defaultMode: 'delete' as ImportMode,
  defaultStatus: 'disabled' as const,
  keyPolicy: 'generate-here' as const,
  oneKeyFix: 'generate-other' as const,
  trimIds: true,
};

describe('relevantOptionsFor', () => {
  it.each([
    ['create', true],
    ['createOrUpdate', true],
    ['createOrUpdateIfMatchETag', true],
    ['update', true],
    ['updateIfMatchETag', true],
    ['updateTwin', false],
    ['updateTwinIfMatchETag', false],
    ['delete', false],
    ['deleteIfMatchETag', false],
  ] as const)('%s uses status and key options: %s', (mode, identity) => {
    expect(relevantOptionsFor(mode, false)).toEqual({ status: identity, keys: identity });
  });

  it('offers every option when the rows name their own mode', () => {
    for (const mode of IMPORT_MODES)
      expect(relevantOptionsFor(mode, true)).toEqual({ status: true, keys: true });
  });
});

describe('withHiddenOptionsNeutral', () => {
  it('converts a delete with the neutral status and key options, whatever was chosen before', () => {
    expect(withHiddenOptionsNeutral(chosen, relevantOptionsFor('delete', false))).toEqual({
      ...chosen,
      defaultStatus: 'enabled',
      keyPolicy: 'hub-generates',
      oneKeyFix: 'refuse',
    });
  });

  it('keeps every choice for a mode that uses them', () => {
    const create = { ...chosen, defaultMode: 'create' as ImportMode };
    expect(withHiddenOptionsNeutral(create, relevantOptionsFor('create', false))).toEqual(create);
  });

  it('keeps the trim choice for every mode: ids are matched in deletes too', () => {
    for (const mode of IMPORT_MODES)
      expect(
        withHiddenOptionsNeutral({ ...chosen, defaultMode: mode }, relevantOptionsFor(mode, false))
          .trimIds,
      ).toBe(true);
  });
});
