import { detachString } from './detach-string';
import { readLineKey } from './read-line-key';
import { createLineSplitter, isBlankLine } from '../text/split-text-lines';

/** The device ids an import file names, its module lines included (by their device). */
export type TouchedDevices = ReadonlySet<string>;

export interface TouchScanner {
  push(chunk: string): void;
  finish(): TouchedDevices;
  /** Lines read so far, for progress. */
  readonly lines: number;
}

/**
 * The first, cheap pass over an import file. Knowing which devices it touches lets the registry
 * index keep only those records of a 1,000,000-device export: a 10,000-row file then holds 10,000
 * records, not a million. Lines without a readable id touch nothing (the plan fails them).
 */
export function createTouchScanner(): TouchScanner {
  const touched = new Set<string>();
  const splitter = createLineSplitter((text) => {
    if (isBlankLine(text)) return;
    const key = readLineKey(text);
    if (key !== undefined && !touched.has(key.id)) touched.add(detachString(key.id));
  });
  return {
    get lines() {
      return splitter.lines;
    },
    push: (chunk) => splitter.push(chunk),
    finish() {
      splitter.end();
      return touched;
    },
  };
}
