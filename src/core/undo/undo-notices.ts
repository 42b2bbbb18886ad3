import type { UndoNotice, UndoNoticeCode } from './undo-types';

const MESSAGES: Record<UndoNoticeCode, string> = {
  'scope-regenerated':
    'edge devices the import deletes come back with a new scope minted by the hub; devices that had them as parent must be linked again',
  'parent-link-lost':
    'devices whose parent edge device the import deletes come back without a parent: link them again once it is back',
  'keys-not-restorable':
    'devices the registry snapshot has no keys for: their keys cannot be written back',
  'system-modules-restored':
    '$edgeAgent and $edgeHub of re-created edge devices get their identity and twin back (the hub creates them with the device)',
  'system-modules-kept':
    '$edgeAgent and $edgeHub made by the hub when a device became an edge device are not deleted',
};

export function undoNotices(counts: Partial<Record<UndoNoticeCode, number>>): UndoNotice[] {
  return (Object.keys(MESSAGES) as UndoNoticeCode[])
    .filter((code) => (counts[code] ?? 0) > 0)
    .map((code) => ({ code, count: counts[code] ?? 0, message: MESSAGES[code] }));
}
