import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createMaskingTransform } from '../../../../src/proxy/masking/create-masking-transform';
import { createUtf8Transcoder } from '../../../../src/proxy/masking/transcode-to-utf8';

const KEY = 'c2VjcmV0LWtleS1hYWFhYWFhYWFhYWFhYWFhYWFhYQ==';
const CSV = `deviceId,primaryKey,site\r\nd1,${KEY},Zürich\r\n`;

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (order === 'le') return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1] ?? 0;
    be[i + 1] = le[i] ?? 0;
  }
  return be;
}

/** Support's view of a source file: transcoded to UTF-8, then masked, in chunks of `size`. */
async function supportView(bytes: Buffer, size: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  const out: Buffer[] = [];
  const stream = Readable.from(chunks)
    .pipe(createUtf8Transcoder())
    .pipe(createMaskingTransform('csv'));
  for await (const data of stream) out.push(Buffer.from(data as Buffer));
  return Buffer.concat(out);
}

describe('a UTF-16 source for support', () => {
  it.each([
    ['le', 1],
    ['le', 7],
    ['be', 3],
    ['be', 4096],
  ] as const)(
    'UTF-16 %s in chunks of %i is masked like UTF-8, the key in no encoding',
    async (order, size) => {
      const view = await supportView(utf16(CSV, order), size);
      const text = view.toString('utf8');
      expect(text).toContain('d1,***,Zürich');
      expect(text).not.toContain(KEY);
      expect(view.includes(Buffer.from(KEY, 'utf16le'))).toBe(false);
    },
  );

  it('passes UTF-8 through byte for byte before the mask', async () => {
    const view = await supportView(Buffer.from(CSV, 'utf8'), 5);
    expect(view.toString('utf8')).toBe(`deviceId,primaryKey,site\r\nd1,***,Zürich\r\n`);
  });
});
