import { IDENTITY_IMPORT_MODES, type ImportMode } from '../../../../core/model/import-mode';
import type { ConvertOptions } from '../../../../core/convert/types';

/** The wizard's choices that apply to some modes only, and whether the mode chosen uses them. */
export interface RelevantOptions {
  /** Default status: only identity modes set it; twin modes and deletes leave the status alone. */
  status: boolean;
  /** Key policy and the one-key fix: only identity modes write authentication. */
  keys: boolean;
}

// Only the identity modes (IDENTITY_IMPORT_MODES) write status and keys.

/**
 * Which options mean something for this import. When the file has its own importMode column its
 * rows may use any mode, so every option stays on offer.
 */
export function relevantOptionsFor(mode: ImportMode, rowsNameTheirMode: boolean): RelevantOptions {
  const identity = rowsNameTheirMode || IDENTITY_IMPORT_MODES.has(mode);
  return { status: identity, keys: identity };
}

// The values a hidden option converts with: what the converter does when nobody chose anything.
// The status stays on every line (the hub wants one on every line, delete included:
// docs/import-wizard.md), so a hidden status is always the neutral `enabled`.
const NEUTRAL = {
  defaultStatus: 'enabled',
  keyPolicy: 'hub-generates',
  oneKeyFix: 'refuse',
} as const satisfies Partial<ConvertOptions>;

/**
 * The options the conversion runs with: a hidden option leaves nothing in the file, whatever the
 * admin chose before switching the mode (the choice is kept for when it shows again).
 */
export function withHiddenOptionsNeutral<
  T extends Pick<ConvertOptions, 'defaultStatus' | 'keyPolicy' | 'oneKeyFix'>,
>(options: T, relevant: RelevantOptions): T {
  return {
    ...options,
    ...(relevant.status ? {} : { defaultStatus: NEUTRAL.defaultStatus }),
    ...(relevant.keys ? {} : { keyPolicy: NEUTRAL.keyPolicy, oneKeyFix: NEUTRAL.oneKeyFix }),
  };
}
