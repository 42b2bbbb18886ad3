import { apiPath, apiStream } from './api-client';
import { responseTotalBytes } from './response-total-bytes';
import { readStreamBytes } from './streams/read-stream-bytes';

export interface DownloadProgress {
  bytes: number;
  /** From Content-Length; null when the proxy streams without one. */
  totalBytes: number | null;
}

export interface ExportFile {
  blob: Blob;
  /** The proxy masked the keys (support users): key changes cannot be seen in this diff. */
  keysMasked: boolean;
}

// Chunks are folded into a Blob every 16 MB, so the bytes move to the browser's blob store instead
// of piling up as hundreds of MB of typed arrays on the page's heap.
const FOLD_BYTES = 16 * 1024 * 1024;

/** GET /api/jobs/{jobId}/files/devices into a Blob, for the diff and plan workers. */
export async function downloadExportFile(
  jobId: string,
  onProgress: (progress: DownloadProgress) => void,
  signal?: AbortSignal,
): Promise<ExportFile> {
  const response = await apiStream(apiPath('jobs', jobId, 'files', 'devices'), signal);
  const keysMasked = response.headers.get('x-keys-masked') === 'true';
  const totalBytes = responseTotalBytes(response);
  if (!response.body) {
    const blob = await response.blob();
    onProgress({ bytes: blob.size, totalBytes });
    return { blob, keysMasked };
  }
  const parts: Blob[] = [];
  let pending: Uint8Array<ArrayBuffer>[] = [];
  let pendingBytes = 0;
  let bytes = 0;
  await readStreamBytes(response.body, (value) => {
    pending.push(value as Uint8Array<ArrayBuffer>);
    pendingBytes += value.byteLength;
    bytes += value.byteLength;
    if (pendingBytes >= FOLD_BYTES) {
      parts.push(new Blob(pending));
      pending = [];
      pendingBytes = 0;
    }
    onProgress({ bytes, totalBytes });
  });
  if (pending.length > 0) parts.push(new Blob(pending));
  return { blob: new Blob(parts, { type: 'application/x-ndjson' }), keysMasked };
}
