// Worth another try: network failures (no status), timeouts, throttling and server errors.
// Not worth it: 4xx like 403 (SAS expired or wrong permissions), which fail the same way again.
export function isTransientUploadError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, statusCode } = error as { name?: unknown; statusCode?: unknown };
  if (name === 'AbortError') return false;
  if (typeof statusCode !== 'number' || statusCode === 0) return true;
  return statusCode === 408 || statusCode === 429 || statusCode >= 500;
}
