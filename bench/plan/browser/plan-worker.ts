import { runDiff, runPlan, type ReadText } from '../plan-passes';

// The browser half of the plan benchmark, in a dedicated worker that imports core directly (the
// console's own worker shell comes later): both Files read in 1 MiB slices through a streaming
// TextDecoder. Mode 'diff' is the diff of the same two files, mode 'plan' the plan's three passes.

const CHUNK = 1 << 20;

interface Request {
  mode: 'diff' | 'plan';
  importFile: File;
  registry: File;
}

function reader(importFile: File, registry: File): ReadText {
  return async (which, onChunk) => {
    const file = which === 'import' ? importFile : registry;
    const decoder = new TextDecoder();
    for (let offset = 0; offset < file.size; offset += CHUNK) {
      const bytes = await file.slice(offset, offset + CHUNK).arrayBuffer();
      onChunk(decoder.decode(bytes, { stream: true }));
    }
    const rest = decoder.decode();
    if (rest.length > 0) onChunk(rest);
  };
}

const post = (message: unknown): void =>
  (self as unknown as { postMessage(m: unknown): void }).postMessage(message);

self.addEventListener('message', (event: MessageEvent<Request>) => {
  const { mode, importFile, registry } = event.data;
  const read = reader(importFile, registry);
  const run = async (): Promise<void> => {
    const start = performance.now();
    if (mode === 'diff') {
      await runDiff(read);
      post({ type: 'done', ms: performance.now() - start });
      return;
    }
    const result = await runPlan(read, () => performance.now());
    post({
      type: 'done',
      ms: performance.now() - start,
      summary: result.summary,
      scanMs: result.scanMs,
      indexMs: result.indexMs,
      planMs: result.planMs,
    });
  };
  run().catch((error: unknown) =>
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
