import { describe, expect, it } from 'vitest';
import { ISSUE_CATALOGUE, ISSUE_CODES } from '../../../../../../src/core/issues/issue-catalogue';
import { meaningOfIssueCode } from '../../../../../../src/web/features/import/model/conversion-issue-meanings';

describe('the words of a conversion issue code', () => {
  it.each(ISSUE_CODES)('has words and core’s severity for %s', (code) => {
    const words = meaningOfIssueCode(code);
    expect(words?.severity).toBe(ISSUE_CATALOGUE[code].severity);
    expect(words?.meaning).toContain(ISSUE_CATALOGUE[code].meaning);
    expect(words?.meaning).toContain(ISSUE_CATALOGUE[code].whatToDo);
  });

  it('says what to do after what the code means', () => {
    expect(meaningOfIssueCode('KEYS_BOTH_OR_NEITHER')?.meaning).toBe(
      'Only one of the two keys is given; the hub takes both or neither. In the options, generate the missing key here or let the hub generate both.',
    );
  });

  it('has no words for a string that is not one of core’s codes', () => {
    expect(meaningOfIssueCode('SOMETHING_NEW')).toBeUndefined();
    expect(meaningOfIssueCode('toString')).toBeUndefined();
  });
});
