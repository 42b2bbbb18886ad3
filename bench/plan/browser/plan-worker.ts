import type { FromPlanWorker } from '../../../src/contracts/worker/plan-messages';
import { createPlanSession } from '../../../src/web/workers/plan/plan-session';
import { runDiff, type ReadText } from '../plan-passes';

// The browser half of the plan benchmark, in a dedicated worker. Mode 'plan' is the console's own
// plan session (src/web/workers/plan/plan-session.ts, what the import wizard's plan worker runs:
// the three passes, the job file with keys kept and unchanged rows left out, its SHA-256, the
// backup); mode 'diff' is core's diff of the same two files, both read in 1 MiB slices through a
// streaming TextDecoder. The phases are timed from the session's own progress messages.

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
    const marks: Record<string, number> = {};
    const done = await new Promise<Extract<FromPlanWorker, { type: 'plan-done' }>>(
      (resolve, reject) => {
        const session = createPlanSession((message) => {
          if (message.type === 'progress') marks[message.phase] ??= performance.now();
          else if (message.type === 'plan-done') resolve(message);
          else if (message.type === 'failed') reject(new Error(message.error.message));
        });
        void session({
          type: 'plan',
          requestId: 'bench',
          importFile,
          registry,
          options: { keepKeys: true, leaveOutUnchanged: true },
        });
      },
    );
    const end = performance.now();
    const at = (phase: string, fallback: number): number => marks[phase] ?? fallback;
    post({
      type: 'done',
      ms: end - start,
      summary: done.summary,
      scanMs: at('index', end) - at('scan', start),
      indexMs: at('plan', end) - at('index', end),
      planMs: end - at('plan', end),
    });
  };
  run().catch((error: unknown) =>
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
