import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatRate,
  percentOf,
  plural,
} from '../../../../src/web/lib/format';

describe('format', () => {
  it('writes counts with thousands separators', () => {
    expect(formatCount(1204)).toBe('1,204');
    expect(formatCount(1_000_000)).toBe('1,000,000');
  });

  it.each([
    [0, '0 devices'],
    [1, '1 device'],
    [2, '2 devices'],
    [1204, '1,204 devices'],
  ])('counts %i as "%s"', (count, text) => {
    expect(plural(count, 'device', 'devices')).toBe(text);
  });

  it.each([
    [512, '512 B'],
    [1500, '1.5 kB'],
    [104_857_600, '104.9 MB'],
    [2_500_000_000, '2.50 GB'],
  ])('shows %i bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('shows a rate in MB/s and a dash when nothing moved yet', () => {
    expect(formatRate(51_000_000)).toBe('51.0 MB/s');
    expect(formatRate(0)).toBe('- MB/s');
  });

  it.each([
    [400, '0.4 s'],
    [4_000, '4.0 s'],
    [12_400, '12 s'],
    [125_000, '2 min 05 s'],
    [3_780_000, '1 h 03 min'],
  ])('shows %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('clamps percentages and gives 0 for an unknown total', () => {
    expect(percentOf(50, 200)).toBe(25);
    expect(percentOf(300, 200)).toBe(100);
    expect(percentOf(10, 0)).toBe(0);
  });
});
