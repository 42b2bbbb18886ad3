import { describe, expect, it } from 'vitest';
import {
  DescribeDoneMessage,
  DiffDoneMessage,
  PlanDoneMessage,
  RegistryIssueCountsSchema,
  RegistryIssueSchema,
  ToDiffWorker,
} from '../../../../src/contracts/worker/diff-messages';
import { describeDeviceChange } from '../../../../src/core/diff/describe-device-change';
import { diffRegistries } from '../../../../src/core/diff/diff-registries';
import { planMakeBLikeA } from '../../../../src/core/diff/plan-make-b-like-a';
import type { ExportImportDevice } from '../../../../src/core/model/export-import-device';
import { deviceKey } from '../../../../src/core/registry/device-key';
import { fixtureSnapshot } from '../../core/diff/support/load-fixture';

// The worker shell only adapts messages; these check that what core returns fits the wire schemas
// as is.
const a = fixtureSnapshot('export-a.txt');
const b = fixtureSnapshot('export-b-keys-excluded.txt');
const diff = diffRegistries(a, b);

describe('diff worker messages carry core results unchanged', () => {
  it('fits a diff and both snapshot reports into diff-done', () => {
    const side = (s: typeof a) => ({
      issues: s.issues,
      issueCounts: s.issueCounts,
      stats: s.stats,
    });
    const message = {
      type: 'diff-done',
      requestId: 'r1',
      summary: diff.summary,
      changes: diff.changes,
      notices: diff.notices,
      a: side(a),
      b: side(b),
    };
    expect(DiffDoneMessage.parse(message)).toEqual(message);
  });

  it('fits side-by-side rows and a plan into their messages', () => {
    const parse = (text: string | undefined) =>
      text === undefined ? undefined : (JSON.parse(text) as ExportImportDevice);
    const rows = describeDeviceChange(
      parse(a.records.get(deviceKey('dev-status'))?.text),
      parse(b.records.get(deviceKey('dev-status'))?.text),
    );
    expect(
      DescribeDoneMessage.safeParse({ type: 'describe-done', requestId: 'r2', rows }).success,
    ).toBe(true);
    const plan = planMakeBLikeA(diff, a, b);
    const message = {
      type: 'plan-done',
      requestId: 'r3',
      file: new Blob(['']),
      counts: plan.counts,
      notices: plan.notices,
    };
    expect(PlanDoneMessage.safeParse(message).success).toBe(true);
  });

  it('fills the default options of a diff request and rejects an unknown request', () => {
    const request = ToDiffWorker.parse({
      type: 'diff',
      requestId: 'r',
      a: new Blob(['']),
      b: new Blob(['']),
      options: {},
    });
    expect(request.type === 'diff' && request.options).toEqual({
      includeVersionFields: false,
      includeReported: false,
    });
    expect(ToDiffWorker.safeParse({ type: 'explode', requestId: 'r' }).success).toBe(false);
  });

  it('names registry issues only by the codes a reading gives', () => {
    expect(RegistryIssueCountsSchema.safeParse({ 'invalid-json': 1 }).success).toBe(true);
    expect(RegistryIssueCountsSchema.safeParse({ 'not-a-code': 1 }).success).toBe(false);
    const issue = { line: 3, code: 'not-a-code', severity: 'error', message: 'x' };
    expect(RegistryIssueSchema.safeParse(issue).success).toBe(false);
  });
});
