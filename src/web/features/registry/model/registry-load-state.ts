import { formatCount, formatMegabytes, percentOf, plural } from '../../../lib/format';

// What the registry browser may claim while devices.txt streams in. Until the last record is read
// and the worker has answered for all of them, an empty table means "not yet", never "none".

export interface LoadProgress {
  responded: boolean;
  bytesParsed: number;
  bytesReceived: number;
  totalBytes: number | null;
}

export interface LoadBar {
  /** 0..100; null only when the proxy answered without a size (then the bar cannot know). */
  percent: number | null;
  text: string;
}

const recordsText = (count: number): string => plural(count, 'record', 'records');

export function loadBar(progress: LoadProgress, records: number): LoadBar {
  const recordWords = recordsText(records);
  if (!progress.responded) return { percent: 0, text: 'waiting for the file, 0 records' };
  const total = progress.totalBytes;
  if (total === null) {
    return {
      percent: null,
      text: `${formatMegabytes(progress.bytesReceived)} received, ${recordWords} so far`,
    };
  }
  return {
    // An empty file is read as soon as it arrives.
    percent: total === 0 ? 100 : percentOf(progress.bytesParsed, total),
    text: `${formatMegabytes(progress.bytesParsed)} of ${formatMegabytes(total)} read, ${recordWords}`,
  };
}

export interface TableState {
  /** The worker has read the whole file. */
  loaded: boolean;
  failed: boolean;
  filtering: boolean;
  /** Records the table's answer covers, and records read: the answer may trail the reading. */
  answeredRecords: number;
  readRecords: number;
}

/** Whether the counts and the table speak for the whole export, not for what arrived so far. */
export function isSettled(state: TableState): boolean {
  return state.loaded && state.answeredRecords >= state.readRecords;
}

/** The line an empty table shows. */
export function emptyTableText(state: TableState): string {
  if (state.failed) return 'The export could not be read; nothing to show.';
  if (!isSettled(state)) {
    return state.filtering && state.answeredRecords > 0
      ? `No matches among the first ${recordsText(state.answeredRecords)}; still ${state.loaded ? 'filtering' : 'loading'}…`
      : 'Loading devices…';
  }
  if (state.filtering) return 'No devices match the filters.';
  return 'This export holds no devices or modules.';
}

/** "1,024 records", or "1,024 records read so far" while the file still streams in. */
export function recordCountWords(state: TableState, matches: number): string {
  const read = recordsText(state.readRecords);
  if (state.filtering) {
    const of = `${formatCount(matches)} of ${recordsText(state.answeredRecords)} ${matches === 1 ? 'matches' : 'match'}`;
    return isSettled(state) ? of : `${of} (loading…)`;
  }
  return state.loaded ? read : `${read} read so far`;
}
