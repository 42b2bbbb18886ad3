import { describe, expect, it } from 'vitest';
import { describeImportError } from '../../../../src/core/import-errors/import-error-catalogue';

// The codes the SDKs' error tables list must be named in words, not shown as "unknown".
const SDK_TABLE_CODES = [
  400002, 400007, 400009, 400010, 400301, 403004, 403005, 404003, 413003, 500002,
];

describe('import error catalogue', () => {
  it.each(SDK_TABLE_CODES)('names %i with a meaning and what to do', (code) => {
    const info = describeImportError(code);
    expect(info.name).not.toBe('Unknown');
    expect(info.meaning.length).toBeGreaterThan(10);
    expect(info.whatToDo.length).toBeGreaterThan(10);
  });

  it('still answers a generic entry for a code it does not know', () => {
    expect(describeImportError(499999).name).toBe('Unknown');
  });
});
