export interface ReadProgress {
  bytesRead: number;
  /** From Content-Length; null when the server streams without it. */
  totalBytes: number | null;
}

/**
 * Reads a streamed text response line by line (LF or CRLF) and hands lines over one network
 * chunk at a time, so even a million-line file never blocks the page for long and never has to
 * exist as one string. Line numbers are 1-based physical lines.
 */
export async function readTextLines(
  response: Response,
  onLines: (lines: string[], firstLineNumber: number) => void,
  onProgress?: (progress: ReadProgress) => void,
): Promise<void> {
  const header = response.headers.get('content-length');
  const totalBytes = header !== null && /^\d+$/.test(header) ? Number(header) : null;
  const decoder = new TextDecoder('utf-8');
  let bytesRead = 0;
  let tail = '';
  let lineNumber = 1;
  const emit = (text: string, final: boolean) => {
    const parts = text.split('\n');
    const rest = final ? '' : (parts.pop() ?? '');
    const lines = parts.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
    if (final && lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    if (lines.length > 0) onLines(lines, lineNumber);
    lineNumber += lines.length;
    return rest;
  };
  if (!response.body) {
    const text = await response.text();
    emit(text.replace(/^\uFEFF/, ''), true);
    onProgress?.({ bytesRead: text.length, totalBytes });
    return;
  }
  const reader = response.body.getReader();
  let first = true;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytesRead += value.byteLength;
    let text = decoder.decode(value, { stream: true });
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    tail = emit(tail + text, false);
    onProgress?.({ bytesRead, totalBytes });
  }
  emit(tail + decoder.decode(), true);
}
