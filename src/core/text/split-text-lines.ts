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

/**
 * Text chunks in, numbered lines out: LF and CRLF both end a line and a byte-order mark at the very
 * start is dropped, as the hub reads an import blob and as exports are read
 * (docs/reference/hub-wire-contract.md#export-blob, #recorded-traffic). Blank lines are handed out
 * too, so line numbers stay physical; the caller decides what a blank line means.
 */
export function createLineSplitter(onLine: LineHandler): LineSplitter {
  let carry = '';
  let line = 0;

  function emit(raw: string): void {
    line++;
    let text = raw.charCodeAt(raw.length - 1) === CR ? raw.slice(0, -1) : raw;
    if (line === 1 && text.charCodeAt(0) === BOM) text = text.slice(1);
    onLine(text, line);
  }

  return {
    get lines() {
      return line;
    },
    push(chunk) {
      let start = 0;
      let end = chunk.indexOf(LF);
      if (end < 0) {
        carry += chunk;
        return;
      }
      if (carry.length > 0) {
        emit(carry + chunk.slice(0, end));
        carry = '';
        start = end + 1;
        end = chunk.indexOf(LF, start);
      }
      while (end >= 0) {
        emit(chunk.slice(start, end));
        start = end + 1;
        end = chunk.indexOf(LF, start);
      }
      carry = chunk.slice(start);
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
