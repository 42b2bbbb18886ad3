import { describe, expect, it } from 'vitest';
import { readComments } from '../../../tools/read-comments';

describe('reading the comments of a source file', () => {
  it('finds line and block comments with their lines, once each', () => {
    const text =
      '// first\nconst a = 1; // trailing\n/* block\n spans */\nexport { a };\n// last\n';
    expect(readComments('a.ts', text)).toEqual([
      { line: 1, text: '// first' },
      { line: 2, text: '// trailing' },
      { line: 3, text: '/* block\n spans */' },
      { line: 6, text: '// last' },
    ]);
  });

  it('does not take slashes in strings, templates or regular expressions for comments', () => {
    const text =
      "const url = 'http://x//y';\nconst t = `a // b`;\nconst r = /\\/\\//;\nexport { url, t, r };\n";
    expect(readComments('a.ts', text)).toEqual([]);
  });

  it('reads JSX and plain JavaScript', () => {
    expect(readComments('a.tsx', 'export const A = () => <b>{/* why */}</b>;\n')).toEqual([
      { line: 1, text: '/* why */' },
    ]);
    expect(readComments('a.js', '// a rule\nexport default {};\n')).toEqual([
      { line: 1, text: '// a rule' },
    ]);
  });
});
