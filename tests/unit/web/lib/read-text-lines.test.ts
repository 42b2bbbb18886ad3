import { describe, expect, it } from 'vitest';
import { readTextLines } from '../../../../src/web/lib/read-text-lines';

function streamed(chunks: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-length': String(chunks.join('').length) } });
}

async function collect(chunks: string[]) {
  const lines: Array<[number, string]> = [];
  await readTextLines(streamed(chunks), (batch, first) =>
    batch.forEach((line, i) => lines.push([first + i, line])),
  );
  return lines;
}

describe('readTextLines', () => {
  it('joins lines split across chunks and numbers them from 1', async () => {
    expect(await collect(['{"a":1}\n{"b', '":2}\n{"c":3}'])).toEqual([
      [1, '{"a":1}'],
      [2, '{"b":2}'],
      [3, '{"c":3}'],
    ]);
  });

  it('strips CR from CRLF lines and a leading BOM', async () => {
    expect(await collect(['\uFEFFid,x\r\n', 'a,1\r\n'])).toEqual([
      [1, 'id,x'],
      [2, 'a,1'],
    ]);
  });

  it('keeps blank lines in the numbering', async () => {
    expect((await collect(['a\n\nb\n'])).map(([n]) => n)).toEqual([1, 2, 3]);
  });

  it('reports bytes read against Content-Length', async () => {
    const seen: Array<number | null> = [];
    await readTextLines(
      streamed(['ab\n', 'cd\n']),
      () => undefined,
      (progress) => seen.push(progress.totalBytes),
    );
    expect(seen).toEqual([6, 6]);
  });
});
