// The nine import modes with their exact JSON casing
// (docs/reference/hub-wire-contract.md#import-modes). The hub parses them case-insensitively, but
// we always write the canonical camelCase form.
export const IMPORT_MODES = [
  'create',
  'createOrUpdate',
  'createOrUpdateIfMatchETag',
  'update',
  'updateIfMatchETag',
  'updateTwin',
  'updateTwinIfMatchETag',
  'delete',
  'deleteIfMatchETag',
] as const;

export type ImportMode = (typeof IMPORT_MODES)[number];

/**
 * The modes that write an identity (status and authentication). The others only touch the twin or
 * delete, and the hub ignores what a line says about status or keys for them
 * (docs/import-wizard.md, "Options follow the mode").
 */
export const IDENTITY_IMPORT_MODES: ReadonlySet<ImportMode> = new Set([
  'create',
  'createOrUpdate',
  'createOrUpdateIfMatchETag',
  'update',
  'updateIfMatchETag',
]);

/** Modes that remove or overwrite registry state and so need an explicit confirmation in the UI. */
export const DESTRUCTIVE_IMPORT_MODES: readonly ImportMode[] = [
  'delete',
  'deleteIfMatchETag',
  'createOrUpdate',
  'createOrUpdateIfMatchETag',
  'update',
  'updateIfMatchETag',
  'updateTwin',
  'updateTwinIfMatchETag',
];

const byLowerCase = new Map<string, ImportMode>(
  IMPORT_MODES.map((mode) => [mode.toLowerCase(), mode]),
);

/**
 * Parses a mode the way the hub does (case-insensitive); undefined when it is not one of the nine.
 */
export function parseImportMode(value: string): ImportMode | undefined {
  return byLowerCase.get(value.trim().toLowerCase());
}
