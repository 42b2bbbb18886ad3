import { useEffect, useState } from 'react';
import { isAbortError } from '../../../lib/api-error';
import { createDiffClient } from '../../../workers/diff/diff-client';
import type { DiffClient, DiffDone } from '../../../workers/diff/diff-client';
import { convertDeviceList } from './convert-device-list';
import type { ConvertedList } from './convert-device-list';
import { downloadExportFile } from '../../../lib/download-export-file';

export type DiffSource = { kind: 'export'; ref: string } | { kind: 'file'; file: File };

export interface SideProgress {
  stage: 'waiting' | 'downloading' | 'converting' | 'comparing' | 'ready';
  bytes: number;
  totalBytes: number | null;
  records: number;
}

export interface RegistryDiffRun {
  running: boolean;
  a: SideProgress;
  b: SideProgress;
  result: DiffDone | null;
  error: unknown;
  client: DiffClient | null;
  /** Either export came with keys masked by the proxy (support users). */
  keysMasked: boolean;
  converted: ConvertedList | null;
  retry: () => void;
}

const WAITING: SideProgress = { stage: 'waiting', bytes: 0, totalBytes: null, records: 0 };

/**
 * Fetches A and B (B possibly a dropped file, converted first), then diffs them in the registry
 * worker. Re-runs when the inputs or options change, so a reload of a /diff link recomputes.
 */
export function useRegistryDiff(
  a: string | null,
  b: DiffSource | null,
  options: { includeVersionFields: boolean; includeReported: boolean },
): RegistryDiffRun {
  const [attempt, setAttempt] = useState(0);
  const [sides, setSides] = useState({ a: WAITING, b: WAITING });
  const [result, setResult] = useState<DiffDone | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [client, setClient] = useState<DiffClient | null>(null);
  const [keysMasked, setKeysMasked] = useState(false);
  const [converted, setConverted] = useState<ConvertedList | null>(null);
  const [running, setRunning] = useState(false);
  const { includeVersionFields, includeReported } = options;

  useEffect(() => {
    if (a === null || b === null) return undefined;
    const abort = new AbortController();
    const update = (side: 'a' | 'b', next: Partial<SideProgress>) =>
      setSides((s) => ({ ...s, [side]: { ...s[side], ...next } }));
    const diff = createDiffClient(
      (p) =>
        update(p.side, {
          stage: 'comparing',
          bytes: p.bytesRead,
          totalBytes: p.totalBytes,
          records: p.records,
        }),
      (failure) => setError(failure),
    );
    setClient(diff);
    setSides({ a: WAITING, b: WAITING });
    setResult(null);
    setError(null);
    setConverted(null);
    setRunning(true);

    const loadA = downloadExportFile(
      a,
      (p) => update('a', { stage: 'downloading', bytes: p.bytes, totalBytes: p.totalBytes }),
      abort.signal,
    );
    const loadB =
      b.kind === 'export'
        ? downloadExportFile(
            b.ref,
            (p) => update('b', { stage: 'downloading', bytes: p.bytes, totalBytes: p.totalBytes }),
            abort.signal,
          )
        : convertDeviceList(
            b.file,
            (p) =>
              update('b', {
                stage: 'converting',
                bytes: p.bytesRead,
                totalBytes: p.totalBytes,
                records: p.records,
              }),
            abort.signal,
          ).then((list) => {
            setConverted(list);
            return { blob: list.blob, keysMasked: false };
          });
    Promise.all([loadA, loadB])
      .then(([fileA, fileB]) => {
        setKeysMasked(fileA.keysMasked || fileB.keysMasked);
        return diff.diff(fileA.blob, fileB.blob, { includeVersionFields, includeReported });
      })
      .then((done) => {
        setSides((s) => ({ a: { ...s.a, stage: 'ready' }, b: { ...s.b, stage: 'ready' } }));
        setResult(done);
      })
      .catch((failure: unknown) => {
        if (!abort.signal.aborted && !isAbortError(failure)) setError(failure);
      })
      .finally(() => {
        if (!abort.signal.aborted) setRunning(false);
      });
    return () => {
      abort.abort();
      diff.close();
    };
  }, [a, b, includeVersionFields, includeReported, attempt]);

  return {
    running,
    a: sides.a,
    b: sides.b,
    result,
    error,
    client,
    keysMasked,
    converted,
    retry: () => setAttempt((n) => n + 1),
  };
}
