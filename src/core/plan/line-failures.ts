import type { LineOutcome } from './line-outcome';
import type { ImportLine } from './import-line-types';
import type { PlanFailReason } from './plan-types';

// The failures a line can meet, with words that name the device and never a key.
export function notFound(line: ImportLine): LineOutcome {
  return line.moduleId !== undefined
    ? fail('module-missing', `module "${line.moduleId}" of device "${line.id}" does not exist`)
    : fail('device-missing', `device "${line.id}" does not exist`);
}

export function alreadyExists(line: ImportLine): LineOutcome {
  return line.moduleId !== undefined
    ? fail('module-exists', `module "${line.moduleId}" already exists on device "${line.id}"`)
    : fail('device-exists', `device "${line.id}" already exists`);
}

export function etagMessage(current: string | null, field: 'eTag' | 'twinETag'): string {
  return current === null
    ? `an earlier line of this file changes the identity, so the line's ${field} will no longer match`
    : `the line's ${field} does not match the registry's`;
}

export function fail(reason: PlanFailReason, message: string): LineOutcome {
  return { outcome: 'fail', reason, message };
}
