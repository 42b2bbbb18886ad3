import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ERROR_ISSUE_CODES,
  ISSUE_CATALOGUE,
  ISSUE_CODES,
  isIssueCode,
  severityOf,
} from '../../../../src/core/issues/issue-catalogue';

const CORE = join(import.meta.dirname, '../../../../src/core');

function coreSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'issues' ? [] : coreSources(path);
    return entry.name.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('the catalogue of conversion issue codes', () => {
  it.each(ISSUE_CODES)('says what %s means and what to do, in sentences', (code) => {
    const { meaning, whatToDo } = ISSUE_CATALOGUE[code];
    expect(meaning).toMatch(/^[A-Z].*\.$/);
    expect(whatToDo).toMatch(/^[A-Z].*\.$/);
  });

  it('holds only codes that core gives somewhere', () => {
    const text = coreSources(CORE).join('\n');
    const unused = ISSUE_CODES.filter((code) => !text.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });

  it('holds every upper-case code that core writes as an issue code', () => {
    const text = coreSources(CORE).join('\n');
    const written = new Set(
      [...text.matchAll(/code: '([A-Z][A-Z0-9_]+)'|'([A-Z][A-Z0-9_]+)',\n/g)]
        .map((m) => m[1] ?? m[2] ?? '')
        .filter((code) => code.includes('_')),
    );
    expect([...written].filter((code) => !isIssueCode(code))).toEqual([]);
  });

  it('lists the error codes apart, for file errors and mapping problems', () => {
    expect(ERROR_ISSUE_CODES).toContain('NO_ID_COLUMN');
    expect(ERROR_ISSUE_CODES).not.toContain('ID_TRIMMED');
    expect(ERROR_ISSUE_CODES.every((code) => severityOf(code) === 'error')).toBe(true);
  });

  it('does not take an inherited property name for a code', () => {
    expect(isIssueCode('constructor')).toBe(false);
    expect(isIssueCode('ID_MISSING')).toBe(true);
  });
});
