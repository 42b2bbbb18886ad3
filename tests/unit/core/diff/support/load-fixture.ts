import { readFileSync } from 'node:fs';
import { parseRegistryText } from '../../../../../src/core/registry/build-registry-snapshot';
import type { RegistrySnapshot } from '../../../../../src/core/registry/registry-types';

export function fixtureText(name: string): string {
  return readFileSync(new URL(`../../../../fixtures/diff/${name}`, import.meta.url), 'utf8');
}

export function fixtureSnapshot(name: string): RegistrySnapshot {
  return parseRegistryText(fixtureText(name));
}

/**
 * Every symmetric key that appears in the diff fixtures; none may ever show up in a diff output.
 */
export const FIXTURE_KEYS = [
  'S2V5T25lS2V5T25lS2V5T25lS2V5T25lS2V5T25lS2U=',
  'S2V5VHdvS2V5VHdvS2V5VHdvS2V5VHdvS2V5VHdvS2U=',
  'TmV3S2V5TmV3S2V5TmV3S2V5TmV3S2V5TmV3S2V5TmU=',
];
