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

export type RegistryPlanState =
  | { phase: 'idle' }
  | { phase: 'reading'; done: number; total: number }
  | { phase: 'planned'; plan: RegistryPlan }
  | { phase: 'too-large'; devices: number }
  | { phase: 'failed'; error: unknown };

export function useRegistryPlan(output: Blob | null) {
  const [state, setState] = useState<RegistryPlanState>({ phase: 'idle' });
  const abortRef = useRef<AbortController | null>(null);

  const run = useCallback(async (blob: Blob) => {
    abortRef.current?.abort();
    const abort = new AbortController();
    abortRef.current = abort;
    try {
      // Small by construction: a file over the limit is turned away before the text grows large.
      if (blob.size > LOOKUP_LIMIT * 64 * 1024) {
        setState({ phase: 'too-large', devices: Math.round(blob.size / 200) });
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
      let takenAt = new Date().toISOString();
      setState({ phase: 'reading', done: 0, total: keys.length });
      for (let start = 0; start < keys.length; start += BATCH) {
        const batch: LineKey[] = keys.slice(start, start + BATCH);
        const answer = await lookupRegistry(batch, abort.signal);
        if (start === 0) takenAt = answer.takenAt;
        records.push(...answer.records.map((record) => JSON.stringify(record)));
        if (abort.signal.aborted) return;
        setState({ phase: 'reading', done: start + batch.length, total: keys.length });
      }
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
    void run(output);
    return () => abortRef.current?.abort();
  }, [output, run]);

  const retry = useCallback(() => {
    if (output) void run(output);
  }, [output, run]);

  return { state, retry };
}
