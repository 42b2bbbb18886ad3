import { describe, expect, it } from 'vitest';
import {
  emptyTableText,
  loadBar,
  recordCountWords,
} from '../../../../../../src/web/features/registry/model/registry-load-state';
import type { TableState } from '../../../../../../src/web/features/registry/model/registry-load-state';

const LOADED: TableState = {
  loaded: true,
  failed: false,
  filtering: true,
  answeredRecords: 500,
  readRecords: 500,
};

describe('emptyTableText', () => {
  it('never says "no devices match" while the file is still loading', () => {
    const loading = { ...LOADED, loaded: false, answeredRecords: 0, readRecords: 0 };
    expect(emptyTableText(loading)).toBe('Loading devices…');
    expect(emptyTableText({ ...loading, filtering: false })).toBe('Loading devices…');
    expect(emptyTableText({ ...loading, answeredRecords: 200, readRecords: 200 })).toBe(
      'No matches among the first 200 records; still loading…',
    );
  });

  it('waits for the worker to answer for every record read before claiming no match', () => {
    expect(emptyTableText({ ...LOADED, answeredRecords: 300 })).toBe(
      'No matches among the first 300 records; still filtering…',
    );
    expect(emptyTableText({ ...LOADED, answeredRecords: 0 })).toBe('Loading devices…');
  });

  it('says no devices match only once the whole export is read and answered', () => {
    expect(emptyTableText(LOADED)).toBe('No devices match the filters.');
  });

  it('tells an empty export and a failed load apart from a filter without matches', () => {
    const empty = { ...LOADED, filtering: false, answeredRecords: 0, readRecords: 0 };
    expect(emptyTableText(empty)).toBe('This export holds no devices or modules.');
    expect(emptyTableText({ ...LOADED, loaded: false, failed: true })).toBe(
      'The export could not be read; nothing to show.',
    );
  });
});

describe('recordCountWords', () => {
  it('says a count is partial while the file loads', () => {
    const loading = { ...LOADED, loaded: false, filtering: false, readRecords: 1200 };
    expect(recordCountWords(loading, 0)).toBe('1,200 records read so far');
    expect(recordCountWords({ ...loading, loaded: true }, 0)).toBe('1,200 records');
    expect(recordCountWords({ ...LOADED, loaded: false }, 3)).toBe(
      '3 of 500 records match (loading…)',
    );
    expect(recordCountWords(LOADED, 3)).toBe('3 of 500 records match');
  });

  it('speaks of one record in the singular', () => {
    const one = { ...LOADED, filtering: false, readRecords: 1, answeredRecords: 1 };
    expect(recordCountWords(one, 0)).toBe('1 record');
    expect(recordCountWords({ ...one, filtering: true }, 1)).toBe('1 of 1 record matches');
  });
});

describe('loadBar', () => {
  it('is determinate from the first paint: 0 before the proxy answers, then bytes read of the size', () => {
    expect(
      loadBar({ responded: false, bytesParsed: 0, bytesReceived: 0, totalBytes: null }, 0).percent,
    ).toBe(0);
    const half = loadBar(
      { responded: true, bytesParsed: 500_000, bytesReceived: 800_000, totalBytes: 1_000_000 },
      10,
    );
    expect(half).toEqual({ percent: 50, text: '0.5 MB of 1.0 MB read, 10 records' });
    expect(
      loadBar({ responded: true, bytesParsed: 0, bytesReceived: 0, totalBytes: 0 }, 0).percent,
    ).toBe(100);
  });

  it('cannot know a percentage when the proxy answered without a size', () => {
    expect(
      loadBar({ responded: true, bytesParsed: 0, bytesReceived: 2_000_000, totalBytes: null }, 5),
    ).toEqual({ percent: null, text: '2.0 MB received, 5 records so far' });
  });
});
