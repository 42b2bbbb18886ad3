import { useCallback, useEffect, useRef, useState } from 'react';
import type { LineKey } from '../../../../core/plan/read-line-key';
import { lookupRegistry } from '../api/lookup-registry';
import {
  LOOKUP_LIMIT,
  lookupKeysOf,
  planAgainstRegistry,
  type RegistryPlan,
} from '../model/plan-against-registry';

// The plan needs the hub's current state of every device the file names. Up to LOOKUP_LIMIT
// devices the proxy reads them one by one, in batches so the progress is real; above it the plan
// would need an export with keys, which the console does not take yet: the admin is told so and
// must say explicitly that the import goes without a plan and without undo.

const BATCH = 100;
/** Lookups per plan at most, so a hub that throttles every read ends in an error, not a loop. */
const MAX_ROUNDS = 200;

export type RegistryPlanState =
  | { phase: 'idle' }
  | { phase: 'reading'; done: number; total: number }
  | { phase: 'planned'; plan: RegistryPlan }
  | { phase: 'too-large'; devices: number }
  | { phase: 'failed'; error: unknown };

/**
 * `output` is the converted file and `lines` its line count (the conversion report's valid rows),
 * which decides whether the file is small enough without reading it.
 */
export function useRegistryPlan(output: Blob | null, lines: number) {
  const [state, setState] = useState<RegistryPlanState>({ phase: 'idle' });
  const abortRef = useRef<AbortController | null>(null);

  const run = useCallback(async (blob: Blob, lineCount: number) => {
    abortRef.current?.abort();
    const abort = new AbortController();
    abortRef.current = abort;
    try {
      // A file over the limit is turned away before it is read as text.
      if (lineCount > LOOKUP_LIMIT) {
        setState({ phase: 'too-large', devices: lineCount });
        return;
      }
      const importText = await blob.text();
      const keys = lookupKeysOf(importText);
      const devices = keys.filter((key) => key.moduleId === undefined).length;
      if (devices > LOOKUP_LIMIT) {
        setState({ phase: 'too-large', devices });
        return;
      }
      const records: string[] = [];
      let takenAt: string | null = null;
      // Entries the proxy could not read in time (a throttled hub) come back as `unread`: they go to
      // the end of the queue and are asked again, so the plan never misses a device.
      const queue: LineKey[] = [...keys];
      let done = 0;
      let rounds = 0;
      setState({ phase: 'reading', done, total: keys.length });
      while (queue.length > 0) {
        if (++rounds > MAX_ROUNDS) throw new Error('The hub kept refusing reads: try again later.');
        const batch = queue.splice(0, BATCH);
        const answer = await lookupRegistry(batch, abort.signal);
        if (abort.signal.aborted) return;
        takenAt ??= answer.takenAt;
        records.push(...answer.records);
        queue.push(...answer.unread);
        done += batch.length - answer.unread.length;
        setState({ phase: 'reading', done, total: keys.length });
      }
      takenAt ??= new Date().toISOString();
      if (abort.signal.aborted) return;
      setState({ phase: 'planned', plan: planAgainstRegistry(importText, records, takenAt) });
    } catch (error) {
      if (abort.signal.aborted) return;
      setState({ phase: 'failed', error });
    }
  }, []);

  // A new conversion (another file, mapping or option) makes the last plan wrong: plan again.
  useEffect(() => {
    if (!output) {
      abortRef.current?.abort();
      setState({ phase: 'idle' });
      return undefined;
    }
    void run(output, lines);
    return () => abortRef.current?.abort();
  }, [output, lines, run]);

  const retry = useCallback(() => {
    if (output) void run(output, lines);
  }, [output, lines, run]);

  return { state, retry };
}
