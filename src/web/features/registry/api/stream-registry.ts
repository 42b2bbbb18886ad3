import { useEffect, useState } from 'react';
import { apiPath, apiStream } from '../../../lib/api-client';
import { isAbortError } from '../../../lib/api-error';
import { responseTotalBytes } from '../../../lib/response-total-bytes';
import { readStreamBytes } from '../../../lib/streams/read-stream-bytes';
import { createBrowseClient } from '../../../workers/registry/browse-client';
import type { BrowseClient, BrowseDoneInfo } from '../../../workers/registry/browse-client';

export interface RegistryStreamProgress {
  /** The proxy has answered: until then no size is known, and nothing has been read. */
  responded: boolean;
  bytesReceived: number;
  bytesParsed: number;
  /** From Content-Length; null when the proxy streams without one. */
  totalBytes: number | null;
}

export interface RegistryStream {
  /** Records the worker has read so far (repainted a few times a second while it grows). */
  records: number;
  progress: RegistryStreamProgress;
  done: BrowseDoneInfo | null;
  error: unknown;
  /** The proxy's x-keys-masked header: true for support users. */
  keysMaskedByServer: boolean;
  client: BrowseClient | null;
  retry: () => void;
}

const REPAINT_MS = 250;
// The worker answers queries in arrival order, behind the chunks already sent to it. Holding the
// network back while more than this is unparsed keeps a query's wait to about a tenth of a second
// (the first rows show early) and stops a fast network from queuing the whole file in the worker.
const MAX_UNPARSED_BYTES = 2 * 1024 * 1024;

// A transferred buffer must be the chunk's own; a view into a shared buffer is copied first.
function ownBytes(chunk: Uint8Array): Uint8Array<ArrayBuffer> {
  const whole =
    chunk.byteOffset === 0 &&
    chunk.byteLength === chunk.buffer.byteLength &&
    chunk.buffer instanceof ArrayBuffer;
  return whole ? (chunk as Uint8Array<ArrayBuffer>) : new Uint8Array(chunk);
}

/**
 * GET /api/jobs/{exportId}/files/devices, streamed chunk by chunk into the registry worker, which
 * parses it and keeps the records. Only byte and record counts come back here (the rows stay in
 * the worker, see use-registry-query), and the page re-renders a few times a second.
 */
export function useRegistryStream(exportId: string): RegistryStream {
  const [attempt, setAttempt] = useState(0);
  const [records, setRecords] = useState(0);
  const [progress, setProgress] = useState<RegistryStreamProgress>({
    responded: false,
    bytesReceived: 0,
    bytesParsed: 0,
    totalBytes: null,
  });
  const [done, setDone] = useState<BrowseDoneInfo | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [keysMaskedByServer, setKeysMasked] = useState(false);
  const [client, setClient] = useState<BrowseClient | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    let frame = 0;
    let liveRecords = 0;
    let wake: (() => void) | null = null;
    const wakeReader = () => {
      wake?.();
      wake = null;
    };
    const live: RegistryStreamProgress = {
      responded: false,
      bytesReceived: 0,
      bytesParsed: 0,
      totalBytes: null,
    };
    // Byte and record counts change many times a second; the page re-renders (progress, and the
    // query that follows the record count) at most every REPAINT_MS.
    const repaint = () => {
      if (frame === 0)
        frame = window.setTimeout(() => {
          frame = 0;
          setRecords(liveRecords);
          setProgress({ ...live });
        }, REPAINT_MS);
    };
    const browse = createBrowseClient({
      onProgress(bytesParsed, records) {
        live.bytesParsed = bytesParsed;
        liveRecords = records;
        repaint();
        wakeReader();
      },
      onDone(info) {
        liveRecords = info.records;
        setRecords(info.records);
        setDone(info);
        repaint();
      },
      onError(failure) {
        setError(failure);
        wakeReader();
      },
    });
    setClient(browse);
    setRecords(0);
    setDone(null);
    setError(null);
    setProgress({ responded: false, bytesReceived: 0, bytesParsed: 0, totalBytes: null });

    (async () => {
      const response = await apiStream(apiPath('jobs', exportId, 'files', 'devices'), abort.signal);
      setKeysMasked(response.headers.get('x-keys-masked') === 'true');
      live.totalBytes = responseTotalBytes(response);
      live.responded = true;
      repaint();
      if (!response.body) {
        browse.push(new Uint8Array(await response.arrayBuffer()));
      } else {
        await readStreamBytes(
          response.body,
          async (value) => {
            live.bytesReceived += value.byteLength;
            repaint();
            browse.push(ownBytes(value));
            // Back-pressure: the worker parses behind the network; wait while it is far behind.
            while (
              live.bytesReceived - live.bytesParsed > MAX_UNPARSED_BYTES &&
              !abort.signal.aborted
            ) {
              await new Promise<void>((resolve) => {
                wake = resolve;
              });
            }
          },
          { signal: abort.signal },
        );
      }
      browse.end();
    })().catch((failure: unknown) => {
      if (!isAbortError(failure)) setError(failure);
    });

    return () => {
      abort.abort();
      wakeReader();
      clearTimeout(frame);
      browse.close();
    };
  }, [exportId, attempt]);

  return {
    records,
    progress,
    done,
    error,
    keysMaskedByServer,
    client,
    retry: () => setAttempt((n) => n + 1),
  };
}
