import { describe, expect, it } from 'vitest';
import {
  clearPendingImport,
  peekPendingImport,
  setPendingImport,
} from '../../../../src/web/lib/pending-import';
import { setPendingPlan } from '../../../../src/web/lib/registry-worker/plan-handoff';

describe('pending import hand-off', () => {
  it('keeps a retry file for repeated peeks until the wizard clears it', () => {
    const file = new File(['{"id":"a"}\n'], 'retry.ndjson');
    setPendingImport({ file, suggestedMode: 'createOrUpdate', reason: 'retry' });
    expect(peekPendingImport()?.file).toBe(file);
    expect(peekPendingImport()?.file).toBe(file);
    clearPendingImport();
    expect(peekPendingImport()).toBeNull();
  });

  it('picks up the diff plan ("Make the hub like A") as a pending import', () => {
    const plan = new File(['{"id":"b","importMode":"delete"}\n'], 'make-b-like-a.ndjson');
    setPendingPlan(plan);
    expect(peekPendingImport()?.file).toBe(plan);
    expect(peekPendingImport()?.reason).toContain('makes the hub like export A again');
    clearPendingImport();
  });
});
