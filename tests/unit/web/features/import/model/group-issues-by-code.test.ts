import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertAll } from '../../../../../../src/core/convert/convert-all';
import type { ConvertOptions, RowIssue } from '../../../../../../src/core/convert/types';
import { meaningOfIssueCode } from '../../../../../../src/web/features/import/model/conversion-issue-meanings';
import {
  describeGroupLines,
  describeGroupSize,
  groupIssuesByCode,
  LISTED_LINES,
} from '../../../../../../src/web/features/import/model/group-issues-by-code';
import { DEFAULT_OPTIONS, FIXTURES } from '../../../../core/convert/support/fixture-cases';

function convert(csv: string, options: Partial<ConvertOptions> = {}) {
  return convertAll(csv, { ...DEFAULT_OPTIONS, skipInvalid: true, ...options }).report;
}

/** A CSV whose data rows are ` d<n>` (one space before the id), so trimming warns on each. */
function spacedIds(count: number): string {
  return ['deviceId', ...Array.from({ length: count }, (_, i) => `" d${i + 1}"`)].join('\n');
}

describe('grouping the review issues by code', () => {
  it('gives one entry per warning code with its count, its meaning and its lines', () => {
    const csv = 'deviceId,tags.site\n" a",x\nb,y,extra\n" c",z\nd,w';
    const groups = groupIssuesByCode(convert(csv, { trimIds: true }), 'warning');
    expect(groups).toEqual([
      expect.objectContaining({
        code: 'ID_TRIMMED',
        severity: 'warning',
        count: 2,
        meaning: expect.stringContaining('Spaces around the id or module id were removed.'),
        lines: [2, 4],
        moreLines: 0,
        example: { line: 2, message: 'spaces around the id were removed' },
      }),
      expect.objectContaining({ code: 'FIELD_COUNT_MISMATCH', count: 1, lines: [3] }),
    ]);
  });

  it(`names the first ${LISTED_LINES} lines and counts the others`, () => {
    const [group] = groupIssuesByCode(convert(spacedIds(25), { trimIds: true }), 'warning');
    expect(group?.count).toBe(25);
    expect(group?.lines).toEqual(Array.from({ length: LISTED_LINES }, (_, i) => i + 2));
    expect(group?.moreLines).toBe(5);
  });

  it('groups errors on their own, a duplicate naming the line of its first copy', () => {
    const report = convert('deviceId\na\n"b c"\na\n"d e"\na', { trimIds: false });
    expect(groupIssuesByCode(report, 'error')).toEqual([
      expect.objectContaining({
        code: 'DUPLICATE_ID',
        count: 2,
        lines: [4, 6],
        example: { line: 4, message: 'the same id is already on line 2' },
      }),
      expect.objectContaining({ code: 'ID_INVALID', count: 2, lines: [3, 5] }),
    ]);
    expect(groupIssuesByCode(report, 'warning')).toEqual([]);
  });

  it('keeps exact counts when the report lists only its first issues', () => {
    const csv = `${spacedIds(30)}\nd1`;
    const report = convert(csv, { trimIds: true, maxIssues: 5 });
    expect(report.issuesTruncated).toBe(true);
    const [trimmed] = groupIssuesByCode(report, 'warning');
    expect(trimmed).toMatchObject({ count: 30, lines: [2, 3, 4, 5, 6], moreLines: 25 });
    // The duplicate on the last line came after the cap: it is only in the counts, and still
    // listed among the errors with its exact count.
    expect(groupIssuesByCode(report, 'error')).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_ID', count: 1, lines: [], moreLines: 1 }),
    ]);
  });

  it('lists notices about the whole file by their own words, not by line', () => {
    const report = convert('deviceId,colour,size\na,red,1');
    expect(groupIssuesByCode(report, 'warning')).toEqual([
      expect.objectContaining({
        code: 'UNMAPPED_COLUMN',
        count: 2,
        lines: [],
        moreLines: 0,
        fileNotices: [
          'column "colour" is not mapped to a hub field and is left out',
          'column "size" is not mapped to a hub field and is left out',
        ],
      }),
    ]);
  });

  it('has words, and core’s severity, for every code the golden reports hold', () => {
    const seen = new Map<string, string>();
    for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.expected-report.json'))) {
      const { issues } = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as {
        issues: RowIssue[];
      };
      for (const issue of issues) seen.set(issue.code, issue.severity);
    }
    expect(seen.size).toBeGreaterThan(20);
    for (const [code, severity] of seen)
      expect({ code, severity: meaningOfIssueCode(code)?.severity }).toEqual({ code, severity });
  });
});

describe('the words for a group', () => {
  it.each([
    [[4], 0, 'line 4'],
    [[8, 12], 0, 'lines 8, 12'],
    [[2, 3, 4, 9], 0, 'lines 2–4, 9'],
    [[2, 3, 4, 30], 1205, 'lines 2–4, 30 and 1,205 more'],
    [[], 3, '3 lines, not listed'],
    [[], 0, ''],
  ])('names lines %j with %i more as "%s"', (lines, moreLines, text) => {
    expect(describeGroupLines({ lines, moreLines })).toBe(text);
  });

  it('counts lines in the singular for one, and notices for a whole-file group', () => {
    const [one] = groupIssuesByCode(convert('deviceId\n" a"', { trimIds: true }), 'warning');
    expect(describeGroupSize(one!)).toBe('on 1 line');
    const [columns] = groupIssuesByCode(convert('deviceId,x\na,1'), 'warning');
    expect(describeGroupSize(columns!)).toBe('1 notice');
  });
});
