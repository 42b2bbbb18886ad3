// The size a streamed download will reach, for its progress bar. A masked export is shorter than
// its blob, so the proxy sends it without Content-Length and names the blob's size in
// x-blob-size instead (docs/proxy.md, "What support can and cannot see"): a total that is close, not exact.
// null when neither header holds a plain byte count.
export function responseTotalBytes(response: Response): number | null {
  const header = response.headers.get('content-length') ?? response.headers.get('x-blob-size');
  return header !== null && /^\d+$/.test(header) ? Number(header) : null;
}
