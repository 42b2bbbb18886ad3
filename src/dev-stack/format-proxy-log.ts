// The proxy logs structured entries (JSON lines in production). On a developer's terminal they are
// shortened to one readable line, and successful static-file requests are left out as noise.

export function formatProxyEntry(entry: Record<string, unknown>): string | undefined {
  const { level, msg, method, path, status, ms, requestId, ...rest } = entry;
  if (msg === 'request') {
    const isApi = typeof path === 'string' && path.startsWith('/api');
    if (!isApi && typeof status === 'number' && status < 400) return undefined;
    return `proxy: ${String(method)} ${String(path)} ${String(status)} ${String(ms)}ms (${String(requestId)})`;
  }
  const details = Object.entries({ ...rest, ...(requestId ? { requestId } : {}) })
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  const prefix = level === 'error' || level === 'warn' ? `proxy ${String(level)}:` : 'proxy:';
  return `${prefix} ${String(msg)}${details ? ` ${details}` : ''}`;
}
