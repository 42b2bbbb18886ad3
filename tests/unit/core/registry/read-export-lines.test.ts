import { describe, expect, it } from 'vitest';
import { createExportLineReader } from '../../../../src/core/registry/read-export-lines';

function read(chunks: string[], maxLineChars?: number) {
  const seen: Array<[string, number | string]> = [];
  const reader = createExportLineReader(
    {
      record: (text, line) => seen.push([`${line}`, text]),
      comment: (line) => seen.push([`${line}`, 'comment']),
    },
    maxLineChars === undefined ? {} : { maxLineChars },
  );
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return { seen, lines: reader.lineCount };
}

describe('createExportLineReader', () => {
  it('hands on record lines with their physical numbers, a leading comment and no blank line', () => {
    const text = '\uFEFFKeys are excluded.\r\n{"id":"a"}\r\n\r\n   \r\nnot json\r\n {"id":"b"}';
    expect(read([text])).toEqual({
      seen: [
        ['1', 'comment'],
        ['2', '{"id":"a"}'],
        ['5', 'not json'],
        ['6', ' {"id":"b"}'],
      ],
      lines: 6,
    });
  });

  it('reads the same lines however the text is cut', () => {
    const text = 'note\n{"id":"a"}\r\n{"id":"b"}\n';
    const whole = read([text]).seen;
    for (let cut = 0; cut <= text.length; cut++)
      expect(read([text.slice(0, cut), text.slice(cut)]).seen, `cut at ${cut}`).toEqual(whole);
    expect(read([...text]).seen).toEqual(whole);
  });

  it('keeps only the first maxLineChars characters of a longer line, then reads on', () => {
    const long = `{"id":"big","tag":"${'x'.repeat(50)}"}`;
    const { seen } = read([long.slice(0, 20), long.slice(20), '\n{"id":"next"}\n'], 16);
    expect(seen).toEqual([
      ['1', long.slice(0, 16)],
      ['2', '{"id":"next"}'],
    ]);
    expect(read([`${long}\n{"id":"next"}`], 16).seen).toEqual(seen);
  });
});
