import { describe, expect, it } from 'vitest';
import {
  givenMetadata,
  patchMetadata,
  renderMetadata,
} from '../../../../src/hub-emulator/model/twin-metadata';
import { mergePatch } from '../../../../src/hub-emulator/model/merge-patch';

const T1 = '2030-01-01T00:00:00.0000000Z';
const T2 = '2030-01-02T00:00:00.0000000Z';
const desired = { a: 1, b: { c: 2, e: [1, 2] } };

describe('twin metadata', () => {
  it('stamps every property with the section when the tree is empty', () => {
    expect(renderMetadata(desired, {}, { time: T1, version: 4 })).toEqual({
      $lastUpdated: T1,
      a: { $lastUpdated: T1, $lastUpdatedVersion: 4 },
      b: {
        $lastUpdated: T1,
        $lastUpdatedVersion: 4,
        c: { $lastUpdated: T1, $lastUpdatedVersion: 4 },
        e: { $lastUpdated: T1, $lastUpdatedVersion: 4 },
      },
    });
  });

  it('gives reported properties $lastUpdated only', () => {
    expect(renderMetadata({ x: { y: 1 } }, {}, { time: T1, version: undefined })).toEqual({
      $lastUpdated: T1,
      x: { $lastUpdated: T1, y: { $lastUpdated: T1 } },
    });
  });

  it('restamps only what a merge patch wrote, and the objects on its way', () => {
    const patch = { b: { d: 3 }, f: null };
    const after = mergePatch(desired, patch);
    const tree = patchMetadata({ before: desired, after }, {}, { time: T1, version: 1 }, patch, {
      time: T2,
      version: 2,
    });
    expect(renderMetadata(after, tree, { time: T2, version: 2 })).toEqual({
      $lastUpdated: T2,
      a: { $lastUpdated: T1, $lastUpdatedVersion: 1 },
      b: {
        $lastUpdated: T2,
        $lastUpdatedVersion: 2,
        c: { $lastUpdated: T1, $lastUpdatedVersion: 1 },
        e: { $lastUpdated: T1, $lastUpdatedVersion: 1 },
        d: { $lastUpdated: T2, $lastUpdatedVersion: 2 },
      },
    });
  });

  it('drops the metadata of a removed key and restamps a replaced object whole', () => {
    const patch = { a: null, b: 'now a string' };
    const after = mergePatch(desired, patch);
    const tree = patchMetadata({ before: desired, after }, {}, { time: T1, version: 1 }, patch, {
      time: T2,
      version: 2,
    });
    expect(renderMetadata(after, tree, { time: T2, version: 2 })).toEqual({
      $lastUpdated: T2,
      b: { $lastUpdated: T2, $lastUpdatedVersion: 2 },
    });
  });

  it('keeps metadata an import line brought, its root stamp included', () => {
    const given = givenMetadata(
      { $lastUpdated: T1, a: { $lastUpdated: T2, $lastUpdatedVersion: 7 } },
      'unused',
    );
    expect(given.time).toBe(T1);
    expect(renderMetadata({ a: 1, z: 2 }, given.tree, { time: given.time, version: 9 })).toEqual({
      $lastUpdated: T1,
      a: { $lastUpdated: T2, $lastUpdatedVersion: 7 },
      z: { $lastUpdated: T1, $lastUpdatedVersion: 9 },
    });
  });
});
