import { describe, expect, it } from 'vitest';
import { DuplicateIndex } from '../../../../src/core/convert/duplicate-index';

describe('the duplicate index', () => {
  it('finds no duplicate among 300,000 distinct ids while growing', () => {
    const index = new DuplicateIndex();
    let clashes = 0;
    for (let line = 1; line <= 300_000; line++)
      if (index.firstLineOrAdd(`dev-${line.toString(36)}`, undefined, line) !== 0) clashes++;
    expect(clashes).toBe(0);
  });

  it('returns the first line for a repeated id, every time', () => {
    const index = new DuplicateIndex();
    for (let line = 1; line <= 100_000; line++) index.firstLineOrAdd(`d${line}`, undefined, line);
    expect(index.firstLineOrAdd('d77', undefined, 100_001)).toBe(77);
    expect(index.firstLineOrAdd('d77', undefined, 100_002)).toBe(77);
  });

  it('keeps a device and its modules apart, and splits id and module unambiguously', () => {
    const index = new DuplicateIndex();
    expect(index.firstLineOrAdd('ab', undefined, 1)).toBe(0);
    expect(index.firstLineOrAdd('ab', 'c', 2)).toBe(0);
    expect(index.firstLineOrAdd('a', 'bc', 3)).toBe(0);
    expect(index.firstLineOrAdd('ab', 'c', 4)).toBe(2);
  });
});
