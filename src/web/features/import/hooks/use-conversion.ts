import { useCallback, useEffect, useRef, useState } from 'react';
import { createProgressStore } from '../../../lib/progress-store';
import type { ConversionProgress, ConvertOptions } from '../../../../core/convert/types';
import { runConversion } from '../../../workers/conversion/run-conversion';
import type {
  ChecksumProgress,
  ConversionOutcome,
  ConversionRun,
} from '../../../workers/conversion/run-conversion';
import { isAbortError } from '../../../lib/api-error';
import type { WorkerFactory } from '../../../workers/channel/worker-channel';
import { createConversionWorker } from '../../../workers/conversion/create-conversion-worker';

export type ConversionState =
  | { phase: 'idle' }
  | {
      phase: 'running';
      progress: ConversionProgress;
      startedAt: number;
      /**
       * The last outcome of the same file, shown (marked as updating) until this run ends, so a
       * change of option or mapping neither empties the page nor loses what the admin typed.
       */
      previous: ConversionOutcome | null;
    }
  | { phase: 'done'; outcome: ConversionOutcome; options: ConvertOptions }
  | { phase: 'cancelled' }
  | { phase: 'failed'; error: unknown };

// Progress from the worker can arrive thousands of times a second; React only needs a few frames.
const PROGRESS_INTERVAL_MS = 100;

function atMostEveryInterval<T>(apply: (value: T) => void): (value: T) => void {
  let last = 0;
  return (value) => {
    const now = performance.now();
    if (now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    apply(value);
  };
}

/**
 * Runs the worker conversion; starting a new run cancels the previous one, so only the latest
 * options win. `createWorker` is for tests, which run the worker's code in their own thread.
 */
export function useConversion(createWorker: WorkerFactory = createConversionWorker) {
  const [state, setState] = useState<ConversionState>({ phase: 'idle' });
  // Checksum progress goes on after the result is shown; only the upload section's bar reads it.
  const [checksumProgress] = useState(() => createProgressStore<ChecksumProgress | null>(null));
  const runRef = useRef<ConversionRun | null>(null);
  // The outcome on screen and its file; another file's outcome is never kept.
  const lastRef = useRef<{ file: File; outcome: ConversionOutcome } | null>(null);

  const cancel = useCallback(() => {
    runRef.current?.cancel();
    runRef.current = null;
    lastRef.current = null;
    setState({ phase: 'cancelled' });
  }, []);

  const start = useCallback(
    (file: File, options: ConvertOptions) => {
      runRef.current?.cancel();
      const startedAt = performance.now();
      const previous = lastRef.current?.file === file ? lastRef.current.outcome : null;
      if (!previous) lastRef.current = null;
      setState({
        phase: 'running',
        progress: { records: 0, bytesRead: 0, totalBytes: file.size },
        startedAt,
        previous,
      });
      checksumProgress.set(null);
      const run = runConversion(
        file,
        options,
        {
          onProgress: atMostEveryInterval((progress) => {
            if (runRef.current === run)
              setState({ phase: 'running', progress, startedAt, previous });
          }),
          onChecksumProgress: atMostEveryInterval((progress) => {
            if (runRef.current === run) checksumProgress.set(progress);
          }),
        },
        createWorker,
      );
      runRef.current = run;
      run.result.then(
        (outcome) => {
          if (runRef.current !== run) return;
          lastRef.current = { file, outcome };
          setState({ phase: 'done', outcome, options });
        },
        (error: unknown) => {
          if (runRef.current !== run && isAbortError(error)) return;
          lastRef.current = null;
          setState(isAbortError(error) ? { phase: 'cancelled' } : { phase: 'failed', error });
        },
      );
    },
    [checksumProgress, createWorker],
  );

  const reset = useCallback(() => {
    runRef.current?.cancel();
    runRef.current = null;
    lastRef.current = null;
    setState({ phase: 'idle' });
  }, []);

  useEffect(() => () => runRef.current?.cancel(), []);

  return { state, checksumProgress, start, cancel, reset };
}
