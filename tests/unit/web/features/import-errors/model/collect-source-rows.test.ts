import { describe, expect, it } from 'vitest';
import { SourceRowCollector } from '../../../../../../src/web/features/import-errors/model/collect-source-rows';
import { splitCsvRecord } from '../../../../../../src/web/features/import-errors/model/split-csv-record';

describe('SourceRowCollector', () => {
  it('finds the failed ids of a CSV with their physical line numbers, across a quoted line break', () => {
    const collector = new SourceRowCollector('csv', new Set(['b', 'c']));
    collector.pushLines(['status,deviceId,note', 'enabled,a,x', 'enabled,b,"two', 'lines"'], 1);
    collector.pushLines(['enabled,c,y'], 5);
    const rows = collector.finish();
    expect(rows.get('b')).toEqual({ line: 3, values: 'enabled,b,"two\nlines"' });
    expect(rows.get('c')?.line).toBe(5);
    expect(rows.has('a')).toBe(false);
  });

  // More semicolons than commas on the header line, but the converter split every row by commas.
  it('splits rows by the delimiter the converter guessed for the file', () => {
    const header = 'status,deviceId,"note;a;b;c"';
    const collector = new SourceRowCollector('csv', new Set(['b']));
    collector.pushLines([header, 'enabled,a,x', 'enabled,b,y'], 1);
    expect(collector.finish().get('b')).toEqual({ line: 3, values: 'enabled,b,y' });
    expect(collector.csvLayout()).toEqual({ headerText: header, delimiter: ',' });
  });

  it('finds NDJSON rows by id', () => {
    const collector = new SourceRowCollector('ndjson', new Set(['d2']));
    collector.pushLines(['{"id":"d1"}', '{"id":"d2","status":"disabled"}'], 1);
    expect(collector.finish().get('d2')).toEqual({
      line: 2,
      values: '{"id":"d2","status":"disabled"}',
    });
  });

  it('finds elements of a pretty-printed JSON array with the line each starts on', () => {
    const collector = new SourceRowCollector('json', new Set(['y']));
    collector.pushLines(['[', '  {"id": "x"},', '  {', '    "id": "y"', '  }', ']'], 1);
    expect(collector.finish().get('y')?.line).toBe(3);
  });

  it('splits semicolon CSV with quoted delimiters and doubled quotes', () => {
    expect(splitCsvRecord('a;"b;c";"say ""hi"""', ';')).toEqual(['a', 'b;c', 'say "hi"']);
  });
});
