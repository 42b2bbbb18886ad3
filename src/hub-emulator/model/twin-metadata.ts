import type { MetadataTree, TwinSection } from './identity';

// Per-property twin metadata (docs/reference/hub-wire-contract.md#twins; a PATCH gives each written
// property `$lastUpdated` and `$lastUpdatedVersion`). Desired properties carry both, reported
// ones only `$lastUpdated`, the section root only `$lastUpdated`. The stored tree holds just the
// stamps that differ from what they inherit: an empty tree means every property was written with
// the section, which is what imports and creates produce, so they store nothing extra.
export type { MetadataTree } from './identity';

interface Stamp {
  time: string;
  version: number | undefined;
}

export interface SectionStamp {
  time: string;
  /** The section's $version; undefined for reported properties, which carry no version. */
  version: number | undefined;
}

/** The `$metadata` object of a section as the twin shows it. */
export function renderMetadata(
  section: TwinSection,
  tree: MetadataTree,
  root: SectionStamp,
): Record<string, unknown> {
  return { $lastUpdated: root.time, ...nodes(section, tree, root) };
}

/** The metadata tree after a JSON merge patch written at `stamp` (null removes a key). */
export function patchMetadata(
  sections: { before: TwinSection; after: TwinSection },
  tree: MetadataTree,
  root: SectionStamp,
  patch: TwinSection,
  stamp: SectionStamp,
): MetadataTree {
  const full = nodes(sections.before, tree, root);
  applyPatch(sections.before, sections.after, full, patch, stamp);
  return full;
}

function nodes(section: TwinSection, tree: MetadataTree, inherited: Stamp): MetadataTree {
  const result: MetadataTree = {};
  for (const [key, value] of Object.entries(section)) {
    const stored = isPlainObject(tree[key]) ? tree[key] : {};
    result[key] = node(value, stored, inherited);
  }
  return result;
}

function node(value: unknown, stored: MetadataTree, inherited: Stamp): MetadataTree {
  const stamp: Stamp = {
    time: typeof stored.$lastUpdated === 'string' ? stored.$lastUpdated : inherited.time,
    version:
      inherited.version === undefined
        ? undefined
        : typeof stored.$lastUpdatedVersion === 'number'
          ? stored.$lastUpdatedVersion
          : inherited.version,
  };
  const result: MetadataTree = { $lastUpdated: stamp.time };
  if (stamp.version !== undefined) result.$lastUpdatedVersion = stamp.version;
  if (isPlainObject(value)) Object.assign(result, nodes(value, stored, stamp));
  return result;
}

function applyPatch(
  before: TwinSection,
  after: TwinSection,
  full: MetadataTree,
  patch: TwinSection,
  stamp: SectionStamp,
): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete full[key];
      continue;
    }
    const previous = before[key];
    const next = after[key];
    const existing = full[key];
    if (
      isPlainObject(value) &&
      isPlainObject(previous) &&
      isPlainObject(next) &&
      isPlainObject(existing)
    ) {
      existing.$lastUpdated = stamp.time;
      if (stamp.version !== undefined) existing.$lastUpdatedVersion = stamp.version;
      applyPatch(previous, next, existing, value, stamp);
    } else {
      // A new or replaced value: its whole subtree is written now (nulls inside were dropped).
      full[key] = node(next, {}, stamp);
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Shared by every twin written as a whole (most of a bulk import); nothing mutates a stored tree,
// patchMetadata builds a new one.
export const UNIFORM: MetadataTree = Object.freeze({});

/** Metadata an import line carried: its root stamp and the rest as the stored tree. */
export function givenMetadata(
  metadata: Record<string, unknown> | undefined,
  fallbackTime: string,
): { time: string; tree: MetadataTree } {
  if (!metadata) return { time: fallbackTime, tree: UNIFORM };
  const { $lastUpdated, $lastUpdatedVersion: _rootVersion, ...tree } = metadata;
  return { time: typeof $lastUpdated === 'string' ? $lastUpdated : fallbackTime, tree };
}
