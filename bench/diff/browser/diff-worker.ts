import { diffRegistries } from '../../../src/core/diff';
import { createSnapshotBuilder } from '../../../src/core/registry';
import { createJsonLineFloor } from '../json-line-floor';

// The browser half of the diff benchmark, in a dedicated worker as the web app would run it: both
// Files read in 1 MiB slices through a streaming TextDecoder. Mode 'parse' is the floor (JSON.parse
// of every line of both files, the same reading); mode 'diff' is snapshot building +
// diffRegistries.

const CHUNK = 1 << 20;

interface Request {
  mode: 'parse' | 'diff';
  a: File;
  b: File;
}

async function readText(file: File, onChunk: (text: string) => void): Promise<void> {
  const decoder = new TextDecoder();
  for (let offset = 0; offset < file.size; offset += CHUNK) {
    const bytes = await file.slice(offset, offset + CHUNK).arrayBuffer();
    onChunk(decoder.decode(bytes, { stream: true }));
  }
  const rest = decoder.decode();
  if (rest.length > 0) onChunk(rest);
}

async function parseEveryLine(file: File): Promise<number> {
  const floor = createJsonLineFloor();
  await readText(file, (chunk) => floor.push(chunk));
  return floor.end();
}

async function snapshot(file: File) {
  const builder = createSnapshotBuilder();
  await readText(file, (chunk) => builder.push(chunk));
  return builder.finish();
}

const post = (message: unknown): void =>
  (self as unknown as { postMessage(m: unknown): void }).postMessage(message);

self.addEventListener('message', (event: MessageEvent<Request>) => {
  const { mode, a, b } = event.data;
  const run = async (): Promise<void> => {
    const start = performance.now();
    if (mode === 'parse') {
      const lines = (await parseEveryLine(a)) + (await parseEveryLine(b));
      post({ type: 'done', ms: performance.now() - start, lines });
      return;
    }
    const snapA = await snapshot(a);
    const snapB = await snapshot(b);
    const parseMs = performance.now() - start;
    const summary = diffRegistries(snapA, snapB).summary;
    const ms = performance.now() - start;
    post({
      type: 'done',
      ms,
      parseMs,
      diffMs: ms - parseMs,
      summary,
      lines: snapA.stats.lines + snapB.stats.lines,
    });
  };
  run().catch((error: unknown) =>
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
