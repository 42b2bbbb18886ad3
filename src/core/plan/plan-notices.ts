import type { PlanNotice, PlanNoticeCode } from './plan-types';

const MESSAGES: Record<PlanNoticeCode, string> = {
  'keys-kept':
    'rows without keys for existing devices: keys kept from the registry (the job file carries them)',
  'keys-rotated':
    'rows whose devices get new keys minted by the hub: regenerate keys of these devices',
  'keys-unknown':
    'rows without keys whose current keys the registry snapshot does not have: the hub will mint new ones',
  'unchanged-left-out': 'rows that change nothing are left out of the job file',
  'scope-generated':
    'edge devices get a scope minted by the hub: a deviceScope in the line is not used',
  'system-modules-created': 'edge devices get $edgeAgent and $edgeHub created by the hub',
  'modules-deleted': 'devices deleted with their modules',
  'children-keep-scope':
    'edge devices deleted while other devices name them as parent: those keep a scope no device holds',
  'authentication-not-compared':
    'rows for devices exported without authentication (keys excluded): key changes cannot be seen',
  'registry-issues': 'lines of the registry export were skipped or replaced',
  'keys-replaced':
    'rows that change only the keys, to the keys they carry: those devices stop connecting until given them',
  'over-device-cap':
    "creates past the hub's device cap (devices and modules count): the hub would refuse each with 403002; delete devices first, leave these rows out, or raise the cap",
};

/** Notices for the codes that occurred, in a fixed order, with their counts. */
export function planNotices(counts: Partial<Record<PlanNoticeCode, number>>): PlanNotice[] {
  return (Object.keys(MESSAGES) as PlanNoticeCode[])
    .filter((code) => (counts[code] ?? 0) > 0)
    .map((code) => ({ code, count: counts[code] ?? 0, message: MESSAGES[code] }));
}
