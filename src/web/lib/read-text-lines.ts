import { responseTotalBytes } from './response-total-bytes';
import { readStreamBytes } from './streams/read-stream-bytes';

/** How the text was written, so a file derived from it can be written the same way. */
export interface TextShape {
  /** The text began with a UTF-8 byte order mark (Excel's "CSV UTF-8" writes one). */
  bom: boolean;
  /** The first line break seen; LF when the text has none. */
  lineEnding: '\r\n' | '\n';
}

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
// A big network chunk can hold tens of thousands of lines; hand them over in slices and let the
// page breathe between slices so no single task grows past a frame budget.
const LINES_PER_SLICE = 4000;

function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function readTextLines(
  response: Response,
  onLines: (lines: string[], firstLineNumber: number) => void,
  onProgress?: (progress: ReadProgress) => void,
): Promise<TextShape> {
  const shape: TextShape = { bom: false, lineEnding: '\n' };
  let lineEndingSeen = false;
  const noteShape = (text: string) => {
    if (lineEndingSeen) return;
    const newline = text.indexOf('\n');
    if (newline < 0) return;
    lineEndingSeen = true;
    shape.lineEnding = newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
  };
  const totalBytes = responseTotalBytes(response);
  // ignoreBOM keeps a byte order mark in the text, so the shape can report it; it is cut below.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let bytesRead = 0;
  let tail = '';
  let lineNumber = 1;
  const emit = async (text: string, final: boolean): Promise<string> => {
    const parts = text.split('\n');
    const rest = final ? '' : (parts.pop() ?? '');
    if (final && parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
    for (let start = 0; start < parts.length; start += LINES_PER_SLICE) {
      if (start > 0) await yieldToPage();
      const lines = parts
        .slice(start, start + LINES_PER_SLICE)
        .map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
      onLines(lines, lineNumber);
      lineNumber += lines.length;
    }
    return rest;
  };
  if (!response.body) {
    const text = await response.text();
    shape.bom = text.startsWith('\uFEFF');
    noteShape(text);
    await emit(text.replace(/^\uFEFF/, ''), true);
    onProgress?.({ bytesRead: text.length, totalBytes });
    return shape;
  }
  let first = true;
  await readStreamBytes(response.body, async (value) => {
    bytesRead += value.byteLength;
    let text = decoder.decode(value, { stream: true });
    if (first) {
      shape.bom = text.startsWith('\uFEFF');
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    noteShape(tail + text);
    tail = await emit(tail + text, false);
    onProgress?.({ bytesRead, totalBytes });
  });
  await emit(tail + decoder.decode(), true);
  return shape;
}
