import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { blobSink } from '../../../../src/proxy/copies/blob-sink';

async function collect(body: Readable): Promise<string> {
  let text = '';
  for await (const chunk of body) text += String(chunk);
  return text;
}

describe('blobSink', () => {
  it('hands the upload every write, in order, and resolves end once it is stored', async () => {
    let stored = '';
    const sink = blobSink(async (body) => {
      stored = await collect(body);
    });
    for (let n = 0; n < 1000; n++) await sink.write(`line ${n}\n`.repeat(50));
    await sink.end();
    expect(stored.split('\n').filter(Boolean)).toHaveLength(50_000);
    expect(stored.startsWith('line 0\n')).toBe(true);
  });

  it('waits while the upload is behind instead of buffering everything', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sink = blobSink(async (body) => {
      await gate;
      await collect(body);
    });
    let written = 0;
    const writing = (async () => {
      for (let n = 0; n < 100; n++) {
        await sink.write('x'.repeat(64 * 1024));
        written++;
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written).toBeLessThan(100);
    release();
    await writing;
    await sink.end();
    expect(written).toBe(100);
  });

  it('fails the writer when the upload fails part-way', async () => {
    const sink = blobSink(async (body) => {
      for await (const _ of body) throw new Error('storage said no');
    });
    await expect(
      (async () => {
        for (let n = 0; n < 100; n++) await sink.write('y'.repeat(64 * 1024));
        await sink.end();
      })(),
    ).rejects.toThrow('storage said no');
  });
});
