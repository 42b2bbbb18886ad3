import { useEffect, useRef, useState } from 'react';
import { apiPath, apiStream } from '../../../lib/api-client';
import { isAbortError } from '../../../lib/api-error';
import { createBrowseClient } from '../../../lib/registry-worker/browse-client';
import type { BrowseClient, BrowseDoneInfo } from '../../../lib/registry-worker/browse-client';
import type { RegistryRow } from '../../../lib/registry-worker/summarize-device';

export interface RegistryStreamProgress {
  bytesReceived: number;
  bytesParsed: number;
  /** From Content-Length; null when the proxy streams without one. */
  totalBytes: number | null;
}

export interface RegistryStream {
  /** Grows while the file streams in; `version` changes whenever it does. */
  rows: RegistryRow[];
  version: number;
  progress: RegistryStreamProgress;
  done: BrowseDoneInfo | null;
  error: unknown;
  /** The proxy's x-keys-masked header: true for support users. */
  keysMaskedByServer: boolean;
  client: BrowseClient | null;
  retry: () => void;
}

const REPAINT_MS = 250;

// A transferred buffer must be the chunk's own; a view into a shared buffer is copied first.
function ownBytes(chunk: Uint8Array): Uint8Array<ArrayBuffer> {
  const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && chunk.buffer instanceof ArrayBuffer;
  return whole ? (chunk as Uint8Array<ArrayBuffer>) : new Uint8Array(chunk);
}

/**
 * GET /api/jobs/{exportId}/files/devices, streamed chunk by chunk into the registry worker, which
 * parses it and sends back key-free rows. Rows are collected in one array and the page re-renders
 * a few times a second, so a million rows arrive without freezing the page.
 */
export function useRegistryStream(exportId: string): RegistryStream {
  const [attempt, setAttempt] = useState(0);
  const [version, setVersion] = useState(0);
  const [progress, setProgress] = useState<RegistryStreamProgress>({ bytesReceived: 0, bytesParsed: 0, totalBytes: null });
  const [done, setDone] = useState<BrowseDoneInfo | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [keysMaskedByServer, setKeysMasked] = useState(false);
  const [client, setClient] = useState<BrowseClient | null>(null);
  const rowsRef = useRef<RegistryRow[]>([]);

  useEffect(() => {
    const abort = new AbortController();
    const rows: RegistryRow[] = [];
    rowsRef.current = rows;
    let frame = 0;
    const live: RegistryStreamProgress = { bytesReceived: 0, bytesParsed: 0, totalBytes: null };
    // Rows and byte counts change many times a second; the page re-renders (filters, table,
    // progress) at most every REPAINT_MS, which profiling showed matters at a million rows.
    const repaint = () => {
      if (frame === 0) frame = window.setTimeout(() => {
        frame = 0;
        setVersion((v) => v + 1);
        setProgress({ ...live });
      }, REPAINT_MS);
    };
    const browse = createBrowseClient({
      onRows(batch, bytesParsed) {
        for (const row of batch) rows.push(row);
        live.bytesParsed = bytesParsed;
        repaint();
      },
      onDone(info) {
        setDone(info);
        repaint();
      },
      onError(message) {
        setError(new Error(message));
      },
    });
    setClient(browse);
    setDone(null);
    setError(null);
    setProgress({ bytesReceived: 0, bytesParsed: 0, totalBytes: null });

    (async () => {
      const response = await apiStream(apiPath('jobs', exportId, 'files', 'devices'), abort.signal);
      const length = response.headers.get('content-length') ?? response.headers.get('x-blob-size');
      setKeysMasked(response.headers.get('x-keys-masked') === 'true');
      live.totalBytes = length !== null && /^\d+$/.test(length) ? Number(length) : null;
      if (!response.body) {
        browse.push(new Uint8Array(await response.arrayBuffer()));
      } else {
        const reader = response.body.getReader();
        for (;;) {
          const { done: finished, value } = await reader.read();
          if (finished) break;
          live.bytesReceived += value.byteLength;
          repaint();
          browse.push(ownBytes(value));
        }
      }
      browse.end();
    })().catch((failure: unknown) => {
      if (!isAbortError(failure)) setError(failure);
    });

    return () => {
      abort.abort();
      clearTimeout(frame);
      browse.close();
    };
  }, [exportId, attempt]);

  return { rows: rowsRef.current, version, progress, done, error, keysMaskedByServer, client, retry: () => setAttempt((n) => n + 1) };
}
