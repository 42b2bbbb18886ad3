import { startsLikeJsonObject } from './parse-export-line';

// The one reading of devices.txt (or an import NDJSON) into lines, shared by the snapshot parser,
// the proxy's record count and the retry builder. Lines end in LF or CRLF (the hub most likely
// writes CRLF, readers must accept both: docs/hub-emulator.md, "Choices where the reference is
// unsure"). A first line may carry a BOM. A keys-excluded export begins with a plain-text warning
// line; like the C# SDK readers, a first non-blank line that does not start with `{` is the
// export's comment, and any later non-blank line is a record line (a broken one, if not JSON).

export interface ExportLineSink {
  /** A non-blank line that stands for a record: `text` has no line end and no BOM. */
  record(text: string, line: number): void;
  /** The keys-excluded export's leading plain-text line. */
  comment(line: number): void;
}

export interface ExportLineReader {
  /** The next piece of text; a line split across pieces waits for its end. */
  push(chunk: string): void;
  /** Reads the last line when the input does not end with a newline. */
  end(): void;
  /** Physical lines seen so far. */
  readonly lineCount: number;
}

export interface ExportLineOptions {
  /**
   * Keeps only this many characters of a longer line (which then fails to parse as JSON), so one
   * absurd line cannot hold the reader's memory; unbounded by default.
   */
  maxLineChars?: number;
}

const LF = '\n';
const CR = 13;
const BOM = 0xfeff;

export function createExportLineReader(
  sink: ExportLineSink,
  options: ExportLineOptions = {},
): ExportLineReader {
  const maxLineChars = options.maxLineChars ?? Infinity;
  let carry = '';
  let lineNo = 0;
  let sawContent = false;

  function handle(raw: string): void {
    lineNo++;
    let text = raw.charCodeAt(raw.length - 1) === CR ? raw.slice(0, -1) : raw;
    if (lineNo === 1 && text.charCodeAt(0) === BOM) text = text.slice(1);
    if (text.length === 0) return;
    if (!startsLikeJsonObject(text)) {
      if (text.trim().length === 0) return;
      if (!sawContent) {
        sawContent = true;
        sink.comment(lineNo);
        return;
      }
    }
    sawContent = true;
    sink.record(text, lineNo);
  }

  function keep(piece: string): void {
    if (carry.length >= maxLineChars) return;
    carry +=
      piece.length + carry.length > maxLineChars
        ? piece.slice(0, maxLineChars - carry.length)
        : piece;
  }

  return {
    get lineCount() {
      return lineNo;
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
        handle(carry);
        carry = '';
        start = end + 1;
        end = chunk.indexOf(LF, start);
      }
      while (end >= 0) {
        handle(
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
      if (carry.length > 0) handle(carry);
      carry = '';
    },
  };
}
