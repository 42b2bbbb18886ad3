// Lines of an import error log that hold anything: one refused row each (the hub writes one JSON
// object per line, LF-terminated; docs/reference/hub-wire-contract.md#recorded-traffic). Works on
// bytes so a log of a million lines is counted without decoding it into strings.
export async function countErrorLines(chunks: AsyncIterable<Uint8Array | string>): Promise<number> {
  let lines = 0;
  let lineHasContent = false;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b === 10) {
        if (lineHasContent) lines++;
        lineHasContent = false;
      } else if (b !== 13 && b !== 32 && b !== 9) lineHasContent = true;
    }
  }
  return lineHasContent ? lines + 1 : lines;
}
