import { z } from 'zod';

// GET /api/setup-check (admins): each part of a deployment tried for real, with the problem and
// its fix in words (docs/proxy.md, "Setup check"). `code` is stable for scripts and support.

export const SETUP_CHECK_IDS = [
  'token-validation',
  'hub-access',
  'storage-access',
  'sas-minting',
  'storage-cors',
  'hub-storage-identity',
  'clock-skew',
  'job-slot',
] as const;
export const SetupCheckId = z.enum(SETUP_CHECK_IDS);
export type SetupCheckId = z.infer<typeof SetupCheckId>;

export const SETUP_CHECK_CODES = [
  'OK',
  'SKIPPED',
  'AUTHORITY_UNREACHABLE',
  'AUTHORITY_NO_KEYS',
  'AUDIENCE_MISMATCH',
  'HUB_UNREACHABLE',
  'HUB_CREDENTIAL_REFUSED',
  'HUB_NO_REGISTRY_READ',
  'HUB_NO_REGISTRY_WRITE',
  'HUB_NO_JOBS_READ',
  'STORAGE_UNREACHABLE',
  'STORAGE_KEY_ACCESS_DISABLED',
  'STORAGE_ACCESS_DENIED',
  'SAS_MINTING_FAILED',
  'SAS_NOT_CONTAINER_SCOPED',
  'SAS_MISSING_PERMISSION',
  'SAS_EXPIRES_TOO_SOON',
  'CORS_RULE_MISSING',
  'HUB_IDENTITY_STORAGE_REFUSED',
  'CLOCK_SKEW',
  'CLOCK_UNKNOWN',
  'JOB_SLOT_BUSY',
] as const;
export const SetupCheckCode = z.enum(SETUP_CHECK_CODES);
export type SetupCheckCode = z.infer<typeof SetupCheckCode>;

export const SetupCheckStatus = z.enum(['ok', 'warning', 'problem', 'skipped']);
export type SetupCheckStatus = z.infer<typeof SetupCheckStatus>;

export const SetupCheckResult = z.object({
  id: SetupCheckId,
  /** What was checked, in words ("Hub reachability and the proxy's rights"). */
  title: z.string(),
  status: SetupCheckStatus,
  code: SetupCheckCode,
  /** What was found. */
  summary: z.string(),
  /** What to change, when something is wrong: settings, roles, the exact CORS rule. */
  fix: z.string().optional(),
  /** Facts behind the finding (host names, storage error codes, seconds of skew); never secrets. */
  details: z.record(z.string(), z.string()).optional(),
});
export type SetupCheckResult = z.infer<typeof SetupCheckResult>;

export const SetupCheckResponse = z.object({
  checkedAt: z.string(),
  /** No check found a problem (warnings and skipped checks allowed). */
  ok: z.boolean(),
  checks: z.array(SetupCheckResult),
});
export type SetupCheckResponse = z.infer<typeof SetupCheckResponse>;
