import { describe, expect, it } from 'vitest';
import { readBlobText } from '../../../../../src/web/lib/streams/read-blob-text';

describe('readBlobText', () => {
  it('joins characters cut by a slice and reports the bytes read', async () => {
    const text = 'Straße ✓ 𝄞\r\nnext';
    const blob = new Blob([text]);
    for (const slice of [1, 2, 3, 5, 64]) {
      const parts: string[] = [];
      const bytes: number[] = [];
      await readBlobText(blob, (chunk, read) => void (parts.push(chunk), bytes.push(read)), slice);
      expect(parts.join('')).toBe(text);
      expect(bytes.at(-1)).toBe(blob.size);
      expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    }
  });
});
