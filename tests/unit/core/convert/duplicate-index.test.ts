import { describe, expect, it } from 'vitest';
import { DuplicateIndex } from '../../../../src/core/convert/duplicate-index';

describe('the duplicate index', () => {
  it('finds no duplicate among 300,000 distinct ids while growing', () => {
    const index = new DuplicateIndex();
    let clashes = 0;
    for (let row = 1; row <= 300_000; row++)
      if (index.firstRowOrAdd(`dev-${row.toString(36)}`, undefined, row) !== 0) clashes++;
    expect(clashes).toBe(0);
  });

  it('returns the first row for a repeated id, every time', () => {
    const index = new DuplicateIndex();
    for (let row = 1; row <= 100_000; row++) index.firstRowOrAdd(`d${row}`, undefined, row);
    expect(index.firstRowOrAdd('d77', undefined, 100_001)).toBe(77);
    expect(index.firstRowOrAdd('d77', undefined, 100_002)).toBe(77);
  });

  it('keeps a device and its modules apart, and splits id and module unambiguously', () => {
    const index = new DuplicateIndex();
    expect(index.firstRowOrAdd('ab', undefined, 1)).toBe(0);
    expect(index.firstRowOrAdd('ab', 'c', 2)).toBe(0);
    expect(index.firstRowOrAdd('a', 'bc', 3)).toBe(0);
    expect(index.firstRowOrAdd('ab', 'c', 4)).toBe(2);
  });
});
