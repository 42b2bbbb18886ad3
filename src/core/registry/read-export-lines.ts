import { createLineSplitter, type LineSplitterOptions } from '../text/split-text-lines';
import { startsLikeJsonObject } from './parse-export-line';

// The one reading of devices.txt (or an import NDJSON) into record lines, shared by the snapshot
// parser, the proxy's record count and the retry builder, over the one line splitter
// (src/core/text/split-text-lines.ts). Lines end in LF or CRLF (the hub most likely
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

export type ExportLineOptions = LineSplitterOptions;

export function createExportLineReader(
  sink: ExportLineSink,
  options: ExportLineOptions = {},
): ExportLineReader {
  let sawContent = false;
  const splitter = createLineSplitter((text, line) => {
    if (text.length === 0) return;
    if (!startsLikeJsonObject(text)) {
      if (text.trim().length === 0) return;
      if (!sawContent) {
        sawContent = true;
        sink.comment(line);
        return;
      }
    }
    sawContent = true;
    sink.record(text, line);
  }, options);

  return {
    get lineCount() {
      return splitter.lines;
    },
    push: (chunk) => splitter.push(chunk),
    end: () => splitter.end(),
  };
}
