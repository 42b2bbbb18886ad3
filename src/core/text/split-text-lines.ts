const LF = '\n';
const CR = 13;
const BOM = 0xfeff;

export type LineHandler = (text: string, line: number) => void;

export interface LineSplitter {
  /** Hands every line completed by `chunk` to the handler; a line cut by the chunk waits. */
  push(chunk: string): void;
  /** Hands out the last line when the text does not end with a newline. */
  end(): void;
  /** Physical lines seen so far. */
  readonly lines: number;
}

export interface LineSplitterOptions {
  /**
   * Keeps only this many characters of a longer line (the rest is dropped as it arrives), so one
   * absurd line cannot hold the reader's memory; unbounded by default.
   */
  maxLineChars?: number;
}

/**
 * The one reading of text chunks into numbered lines, shared by the converter's NDJSON reader,
 * the export reader and the plan: LF and CRLF both end a line and a byte-order mark at the very
 * start is dropped, as the hub reads an import blob and as exports are read
 * (docs/reference/hub-wire-contract.md#export-blob, #recorded-traffic). Blank lines are handed out
 * too, so line numbers stay physical; the caller decides what a blank line means.
 */
export function createLineSplitter(
  onLine: LineHandler,
  options: LineSplitterOptions = {},
): LineSplitter {
  const maxLineChars = options.maxLineChars ?? Infinity;
  let carry = '';
  let line = 0;

  function emit(raw: string): void {
    line++;
    let text = raw.charCodeAt(raw.length - 1) === CR ? raw.slice(0, -1) : raw;
    if (line === 1 && text.charCodeAt(0) === BOM) text = text.slice(1);
    onLine(text, line);
  }

  /** Adds a piece of the line being cut by chunk seams, up to the limit. */
  function keep(piece: string): void {
    if (carry.length >= maxLineChars) return;
    carry +=
      piece.length + carry.length > maxLineChars
        ? piece.slice(0, maxLineChars - carry.length)
        : piece;
  }

  return {
    get lines() {
      return line;
    },
    push(chunk) {
      let start = 0;
      let end = chunk.indexOf(LF);
      if (end < 0) {
        keep(chunk);
        return;
      }
      if (carry.length > 0) {
        keep(chunk.slice(0, end));
        emit(carry);
        carry = '';
        start = end + 1;
        end = chunk.indexOf(LF, start);
      }
      while (end >= 0) {
        emit(
          end - start > maxLineChars
            ? chunk.slice(start, start + maxLineChars)
            : chunk.slice(start, end),
        );
        start = end + 1;
        end = chunk.indexOf(LF, start);
      }
      keep(chunk.slice(start));
    },
    end() {
      if (carry.length > 0) emit(carry);
      carry = '';
    },
  };
}

/** Spaces, tabs and CRs only: the hub skips such lines (docs/hub-emulator.md). */
export function isBlankLine(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}
