import { describe, expect, it } from 'vitest';
import { OutputBytes } from '../../../../src/core/convert/output-bytes';

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('OutputBytes', () => {
  it('hands out exactly the UTF-8 of what was written, across batches and buffer growth', () => {
    const out = new OutputBytes(16);
    const lines: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const line = `{"id":"dev-${i}","tags":{"site":"Zürich ${'€'.repeat(i % 7)} 😀"}}\n`;
      lines.push(line);
      out.text(line);
    }
    const expected = new TextEncoder().encode(lines.join(''));
    expect(out.length).toBeGreaterThan(0);
    const taken = out.take();
    expect(taken).toEqual(expected);
    expect(out.length).toBe(0);
  });

  it('starts afresh after take, never touching bytes already handed out', () => {
    const out = new OutputBytes();
    out.text('first\n');
    const first = out.take();
    out.text('second\n');
    const second = out.take();
    expect(decode(first)).toBe('first\n');
    expect(decode(second)).toBe('second\n');
  });

  it('writes lone surrogates as U+FFFD, as TextEncoder does', () => {
    const out = new OutputBytes();
    out.text('a\uD800b');
    expect(decode(out.take())).toBe('a\uFFFDb');
  });

  it('forgets unwritten output on clear', () => {
    const out = new OutputBytes();
    out.text('dropped');
    out.clear();
    out.text('kept');
    expect(decode(out.take())).toBe('kept');
  });
});
