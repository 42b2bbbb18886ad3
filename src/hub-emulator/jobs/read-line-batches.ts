// Splits a byte stream into batches of lines, remembering the byte offset just past each batch so
// that an import can resume there after a crash. LF and CRLF both end a line; a UTF-8 BOM at the
// very start is dropped; whitespace-only lines are skipped.
export interface LineBatch {
  lines: string[];
  /** Byte offset (in the whole blob) of the first byte after this batch. */
  endOffset: number;
}

const LF = 0x0a;

export async function* readLineBatches(
  stream: AsyncIterable<Buffer | string>,
  startOffset: number,
  batchSize: () => number,
): AsyncGenerator<LineBatch> {
  let pending: Buffer = Buffer.alloc(0);
  let base = startOffset;
  let lines: string[] = [];
  const push = (buf: Buffer, from: number, to: number): void => {
    let text = buf.toString('utf8', from, to);
    if (base + from === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (!isBlank(text)) lines.push(text);
  };
  for await (const chunk of stream) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const buf = pending.length > 0 ? Buffer.concat([pending, data]) : data;
    let pos = 0;
    for (let nl = buf.indexOf(LF, pos); nl !== -1; nl = buf.indexOf(LF, pos)) {
      push(buf, pos, nl);
      pos = nl + 1;
      if (lines.length >= batchSize()) {
        yield { lines, endOffset: base + pos };
        lines = [];
      }
    }
    pending = buf.subarray(pos);
    base += pos;
  }
  if (pending.length > 0) push(pending, 0, pending.length);
  base += pending.length;
  if (lines.length > 0) yield { lines, endOffset: base };
}

// Most lines start with `{`, so this usually answers after one character, without trim()'s copy.
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}
