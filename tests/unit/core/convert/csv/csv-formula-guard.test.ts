import { describe, expect, it } from 'vitest';
import { convertAll } from '../../../../../src/core/convert/convert-all';
import {
  guardFormula,
  unguardFormula,
} from '../../../../../src/core/convert/csv/csv-formula-guard';
import { csvCell } from '../../../../../src/core/convert/csv/csv-cell';
import { toCsvLine } from '../../../../../src/web/lib/csv-escape';
import { DEFAULT_OPTIONS } from '../support/fixture-cases';

const importedIds = (csv: string): string[] => {
  const { output, report } = convertAll(csv, DEFAULT_OPTIONS);
  expect(report.fileError).toBeUndefined();
  return output
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { id: string }).id);
};

// Ids a spreadsheet would run as formulas, ids that already start with apostrophes (IoT Hub
// allows ' in an id) and ordinary ids.
const IDS = ['=a', '+1', '-x', '@y', "'=a", "''+b", "'plain", "it's", 'plain-1'];

describe('the CSV formula guard', () => {
  it.each(IDS)('gives back %s after guarding and unguarding', (id) => {
    expect(unguardFormula(guardFormula(id))).toBe(id);
  });

  it('guards exactly the cells a spreadsheet would evaluate, plus their apostrophe-led lookalikes', () => {
    expect(IDS.map(guardFormula)).toEqual([
      "'=a",
      "'+1",
      "'-x",
      "'@y",
      "''=a",
      "'''+b",
      "'plain",
      "it's",
      'plain-1',
    ]);
    expect(guardFormula('\t=1')).toBe("'\t=1");
  });

  it("imports the ids of a file written by the console's CSV writer unchanged", () => {
    const csv = [toCsvLine(['deviceId']), ...IDS.map((id) => toCsvLine([id]))].join('\r\n');
    expect(csv).toContain("\r\n'=a\r\n");
    expect(importedIds(csv)).toEqual(IDS);
  });

  it("imports the ids of core's CSV cell writer's cells unchanged", () => {
    const csv = ['deviceId', ...IDS.map((cell) => csvCell(cell))].join('\n');
    expect(importedIds(csv)).toEqual(IDS);
  });

  it('keeps an apostrophe a spreadsheet user typed before an ordinary id', () => {
    expect(importedIds("deviceId\n'abc\n")).toEqual(["'abc"]);
  });

  it('takes the guard off a header cell too', () => {
    const csv = `${toCsvLine(['deviceId', '-note'])}\r\n${toCsvLine(['d1', 'x'])}\r\n`;
    const { report } = convertAll(csv, DEFAULT_OPTIONS);
    expect(JSON.stringify(report)).not.toContain("'-note");
  });
});
