import type { ExportImportDevice } from '../model/export-import-device';

/** One device or module line of an export, as the streaming parser hands it out. */
export interface RegistryEntry {
  id: string;
  moduleId?: string;
  /** 1-based physical line in the input. */
  line: number;
  /**
   * The JSON text of the line, CR removed. Kept so heavy work (field diff, plan) can re-parse on
   * demand.
   */
  text: string;
  device: ExportImportDevice;
}

export type RegistryIssueSeverity = 'error' | 'warning' | 'notice';

/** Every code a registry reading gives a line, once: the workers' protocols are checked with it. */
export const REGISTRY_ISSUE_CODES = [
  'leading-comment-line',
  'invalid-json',
  'not-an-object',
  'missing-id',
  'invalid-module-id',
  'duplicate-device',
] as const;

export type RegistryIssueCode = (typeof REGISTRY_ISSUE_CODES)[number];

export interface RegistryIssue {
  /** 1-based physical line; 0 for whole-input notices. */
  line: number;
  code: RegistryIssueCode;
  severity: RegistryIssueSeverity;
  message: string;
}

/**
 * What a snapshot keeps per device: only the line text, parsed again on demand. Two exports of an
 * unchanged device have the same text, so most pairs compare with one string equality and no JSON
 * work; holding parsed objects instead would take two to three times the memory at 1M devices.
 */
export interface RegistryRecord {
  id: string;
  moduleId?: string;
  line: number;
  text: string;
}

export interface RegistryStats {
  /** Physical lines read, blank and comment lines included. */
  lines: number;
  devices: number;
  modules: number;
  /** Records whose authentication carries a primary or secondary symmetric key. */
  withKeys: number;
  /** Records exported with `"authentication":null` (the keys-excluded form). */
  withoutAuthentication: number;
  duplicates: number;
  invalidLines: number;
}

export interface RegistrySnapshot {
  /** Keyed by `deviceKey(id, moduleId)`. */
  records: Map<string, RegistryRecord>;
  issues: RegistryIssue[];
  /** Exact counts per code, also for issues left out of `issues` by the cap. */
  issueCounts: Partial<Record<RegistryIssueCode, number>>;
  stats: RegistryStats;
}
