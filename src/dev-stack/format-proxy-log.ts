// The proxy logs structured entries (JSON lines in production). On a developer's terminal they are
// shortened to one readable line, and successful static-file requests are left out as noise.

// C0 and C1 controls (ESC starts a terminal escape sequence, CR/LF start a new line) and the two
// Unicode line separators. A value from a request (an id, a path) must not be able to clear the
// screen or print a line that looks like the proxy's own, so each is shown as its \u escape.
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;

function printable(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function formatProxyEntry(entry: Record<string, unknown>): string | undefined {
  const { level, msg, method, path, status, ms, requestId, ...rest } = entry;
  if (msg === 'request') {
    const isApi = typeof path === 'string' && path.startsWith('/api');
    if (!isApi && typeof status === 'number' && status < 400) return undefined;
    return `proxy: ${printable(method)} ${printable(path)} ${printable(status)} ${printable(ms)}ms (${printable(requestId)})`;
  }
  const details = Object.entries({ ...rest, ...(requestId ? { requestId } : {}) })
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${printable(key)}=${printable(value)}`)
    .join(' ');
  const prefix = level === 'error' || level === 'warn' ? `proxy ${printable(level)}:` : 'proxy:';
  return `${prefix} ${printable(msg)}${details ? ` ${details}` : ''}`;
}
