import { useCallback, useEffect, useRef, useState } from 'react';
import type { Job } from '../../../../contracts/api';
import { TERMINAL_JOB_STATUSES } from '../../../../contracts/api';
import type { LineKey } from '../../../../core/plan/read-line-key';
import { downloadExportFile, type DownloadProgress } from '../../../lib/download-export-file';
import { exportNameOf, exportNameWords } from '../../../lib/export-name';
import { usePlanSettings } from '../../../lib/plan-settings';
import type { WorkerFactory } from '../../../workers/channel/worker-channel';
import { createPlanWorker } from '../../../workers/plan/create-plan-worker';
import {
  createPlanClient,
  type PlanClient,
  type PlanProgress,
} from '../../../workers/plan/plan-client';
import { lookupRegistry } from '../api/lookup-registry';
import { listRecentOperations, readJob, startKeyExport } from '../api/plan-snapshot-exports';
import { lookupKeysOf } from '../model/lookup-keys-of';
import {
  planAgainstRegistry,
  type PlanSource,
  type RegistryPlan,
} from '../model/plan-against-registry';
import { recentKeyExport } from '../model/snapshot-source';

// The plan needs the hub's current state of every device the file names (docs/plan-and-undo.md).
// Up to the lookup limit (/config.json, 1,000 by default) the proxy reads them one by one, in
// batches so the progress is real. Above it the registry comes from an export with keys: a recent
// one is picked by itself, otherwise the admin may take a fresh one, which holds the hub's job
// slot. Either way the plan runs in the plan worker, streaming. Skipping the plan is the admin's
// explicit choice, made in the panel.

const BATCH = 100;
/** Lookups per plan at most, so a hub that throttles every read ends in an error, not a loop. */
const MAX_ROUNDS = 200;
const EXPORT_POLL_MS = 2000;

export type RegistryPlanState =
  | { phase: 'idle' }
  | { phase: 'reading'; done: number; total: number }
  | { phase: 'needs-export'; devices: number }
  | { phase: 'exporting'; job: Job }
  | { phase: 'downloading'; source: PlanSource; progress: DownloadProgress }
  | { phase: 'planning'; source: PlanSource; progress: PlanProgress | null }
  | { phase: 'planned'; plan: RegistryPlan }
  | { phase: 'failed'; error: unknown };

/**
 * Where the admin may say "no plan": a plan that failed, and a large file's plan while it still
 * needs, takes or reads an export, which can take long on a large hub. Never for a small file
 * while its devices are read: that takes seconds.
 */
export function isSkippable(state: RegistryPlanState): boolean {
  switch (state.phase) {
    case 'failed':
    case 'needs-export':
    case 'exporting':
    case 'downloading':
      return true;
    case 'planning':
      return state.source.kind === 'export';
    default:
      return false;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function exportSource(job: Job, jobId: string, fresh: boolean): PlanSource {
  return { kind: 'export', jobId, name: exportNameWords(exportNameOf(job)), fresh };
}

/**
 * `output` is the converted file and `lines` its line count (the conversion report's valid rows),
 * which decides the snapshot source without reading it. `hubDevices` is the hub's device count now
 * (GET /api/hub), null while unknown. `createWorker` is for tests, which run the plan worker's code
 * in their own thread.
 */
export function useRegistryPlan(
  output: Blob | null,
  lines: number,
  hubDevices: number | null,
  /** The proxy's configured cap of devices and modules; null for the hub's default. */
  deviceCap: number | null = null,
  createWorker: WorkerFactory = createPlanWorker,
) {
  const settings = usePlanSettings();
  const [state, setState] = useState<RegistryPlanState>({ phase: 'idle' });
  const abortRef = useRef<AbortController | null>(null);
  const clientRef = useRef<PlanClient | null>(null);
  const hubDevicesRef = useRef(hubDevices);
  hubDevicesRef.current = hubDevices;
  const deviceCapRef = useRef(deviceCap);
  deviceCapRef.current = deviceCap;
  // Keys are kept unless the admin says, for this file, that its keyless rows get new ones
  // (docs/plan-and-undo.md, "Keys are never rotated by accident"). The last plan's inputs are kept
  // so that choice plans again without reading the registry again.
  const [rotateKeys, setRotateKeys] = useState(false);
  const rotateKeysRef = useRef(false);
  const lastInputRef = useRef<{
    blob: Blob;
    registry: Blob;
    source: PlanSource;
    takenAt: string;
  } | null>(null);

  const begin = useCallback((): AbortController => {
    abortRef.current?.abort();
    clientRef.current?.close();
    clientRef.current = null;
    const abort = new AbortController();
    abortRef.current = abort;
    return abort;
  }, []);

  /** Plans `blob` against `registry` in a new worker, the one the table will page from. */
  const planIn = useCallback(
    async (
      abort: AbortController,
      blob: Blob,
      registry: Blob,
      source: PlanSource,
      takenAt: string,
    ) => {
      lastInputRef.current = { blob, registry, source, takenAt };
      setState({ phase: 'planning', source, progress: null });
      const client = createPlanClient(
        (progress) => {
          if (!abort.signal.aborted) setState({ phase: 'planning', source, progress });
        },
        (error) => {
          if (!abort.signal.aborted) setState({ phase: 'failed', error });
        },
        createWorker,
      );
      clientRef.current = client;
      const plan = await planAgainstRegistry(client, {
        importFile: blob,
        registry,
        takenAt,
        source,
        options: {
          keepKeys: !rotateKeysRef.current,
          leaveOutUnchanged: true,
          ...(deviceCapRef.current !== null ? { deviceCap: deviceCapRef.current } : {}),
        },
        hubDevices: hubDevicesRef.current,
      });
      if (!abort.signal.aborted) setState({ phase: 'planned', plan });
    },
    [createWorker],
  );

  const planFromExport = useCallback(
    async (abort: AbortController, blob: Blob, job: Job, jobId: string, fresh: boolean) => {
      const source = exportSource(job, jobId, fresh);
      setState({ phase: 'downloading', source, progress: { bytes: 0, totalBytes: null } });
      const file = await downloadExportFile(
        jobId,
        (progress) => {
          if (!abort.signal.aborted) setState({ phase: 'downloading', source, progress });
        },
        abort.signal,
      );
      if (abort.signal.aborted) return;
      if (file.keysMasked) throw new Error('The export came back without keys: it cannot be used.');
      const takenAt = job.endTimeUtc ?? new Date().toISOString();
      await planIn(abort, blob, file.blob, source, takenAt);
    },
    [planIn],
  );

  const planFromLookups = useCallback(
    async (abort: AbortController, blob: Blob) => {
      const importText = await blob.text();
      const keys = lookupKeysOf(importText);
      const records: string[] = [];
      let takenAt: string | null = null;
      // Entries the proxy could not read in time (a throttled hub) come back as `unread`: they go
      // to the end of the queue and are asked again, so the plan never misses a device.
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
      const registry = new Blob(records.length > 0 ? [`${records.join('\n')}\n`] : [], {
        type: 'application/x-ndjson',
      });
      await planIn(abort, blob, registry, { kind: 'lookup' }, takenAt);
    },
    [planIn],
  );

  const run = useCallback(
    async (blob: Blob, lineCount: number) => {
      const abort = begin();
      try {
        // The line count decides before the file is read as text.
        if (lineCount <= settings.lookupLimit) {
          await planFromLookups(abort, blob);
          return;
        }
        const recent = recentKeyExport(
          await listRecentOperations(abort.signal),
          Date.now(),
          settings.snapshotMaxAgeMinutes,
        );
        if (abort.signal.aborted) return;
        if (recent === null) {
          setState({ phase: 'needs-export', devices: lineCount });
          return;
        }
        await planFromExport(abort, blob, recent.job, recent.jobId, false);
      } catch (error) {
        if (!abort.signal.aborted) setState({ phase: 'failed', error });
      }
    },
    [begin, planFromExport, planFromLookups, settings.lookupLimit, settings.snapshotMaxAgeMinutes],
  );

  const takeFreshExport = useCallback(async () => {
    if (!output) return;
    const abort = begin();
    try {
      let job = await startKeyExport(abort.signal);
      const ref = job.jobId ?? job.operationId;
      if (ref === null) throw new Error('The hub gave the export no id.');
      setState({ phase: 'exporting', job });
      while (!TERMINAL_JOB_STATUSES.includes(job.status)) {
        await sleep(EXPORT_POLL_MS, abort.signal);
        if (abort.signal.aborted) return;
        job = await readJob(ref, abort.signal);
        if (abort.signal.aborted) return;
        setState({ phase: 'exporting', job });
      }
      if (job.status !== 'completed')
        throw new Error(
          `The export ended ${job.status}${job.failureReason ? `: ${job.failureReason}` : ''}.`,
        );
      await planFromExport(abort, output, job, job.jobId ?? ref, true);
    } catch (error) {
      if (!abort.signal.aborted) setState({ phase: 'failed', error });
    }
  }, [begin, output, planFromExport]);

  // A new conversion (another file, mapping or option) makes the last plan wrong: plan again,
  // keeping keys again until the admin chooses otherwise for the new outcome.
  useEffect(() => {
    rotateKeysRef.current = false;
    setRotateKeys(false);
    lastInputRef.current = null;
    if (!output) {
      begin();
      setState({ phase: 'idle' });
      return undefined;
    }
    void run(output, lines);
    return () => {
      abortRef.current?.abort();
      clientRef.current?.close();
      clientRef.current = null;
    };
  }, [output, lines, run, begin]);

  const retry = useCallback(() => {
    if (output) void run(output, lines);
  }, [output, lines, run]);

  const chooseRotateKeys = useCallback(
    (value: boolean) => {
      rotateKeysRef.current = value;
      setRotateKeys(value);
      const last = lastInputRef.current;
      if (!last) return;
      const abort = begin();
      planIn(abort, last.blob, last.registry, last.source, last.takenAt).catch((error: unknown) => {
        if (!abort.signal.aborted) setState({ phase: 'failed', error });
      });
    },
    [begin, planIn],
  );

  return {
    state,
    retry,
    takeFreshExport: () => void takeFreshExport(),
    rotateKeys,
    setRotateKeys: chooseRotateKeys,
  };
}
