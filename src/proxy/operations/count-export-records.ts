// Counts the device and module lines of an export's devices.txt without holding the file: an export
// of 1M devices is hundreds of MB. Works on bytes, so a chunk may end anywhere (mid-line, between
// CR and LF, inside a UTF-8 character): LF, CR, `{` and `"` never occur inside a multi-byte
// character. Lines end in CRLF or LF (docs/reference/hub-wire-contract.md#export-blob,
// #recorded-traffic). Never log a line: exports may hold keys.

export interface ExportRecordCounts {
  devices: number;
  modules: number;
}

export interface ExportRecordCounter {
  push(chunk: Uint8Array): void;
  /** Counts the last line when the file does not end with a newline, and returns the totals. */
  end(): ExportRecordCounts;
}

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const OPEN_BRACE = 0x7b;
const BOM = [0xef, 0xbb, 0xbf] as const;
// Encoded once: Buffer#includes with a string argument encodes the needle on every call.
const MODULE_ID_KEY = Buffer.from('"moduleId"');
const UNICODE_ESCAPE = Buffer.from('\\u');
/**
 * Far above any hub line (a twin is capped at a few tens of kB); past it we stop buffering the
 * line.
 */
const MAX_LINE_BYTES = 4 * 1024 * 1024;

type LineKind = 'skip' | 'device' | 'module';

function firstContentByte(line: Buffer): number | undefined {
  let i = 0;
  if (line[0] === BOM[0] && line[1] === BOM[1] && line[2] === BOM[2]) i = 3;
  while (i < line.length) {
    const byte = line[i];
    if (byte !== SPACE && byte !== TAB && byte !== CR) return byte;
    i++;
  }
  return undefined;
}

/**
 * Blank lines and lines not starting with `{` (the keyless export's leading warning line, whose
 * text is unknown, docs/reference/hub-wire-contract.md#export-blob) are not records. A record is a
 * module when its top-level `moduleId` is a non-empty string. Most lines are devices without the
 * bytes `"moduleId"` (or a `\u` escape that could spell them), and are decided without parsing; the
 * rest are parsed, so a tag or property named moduleId does not make a device a module.
 */
export function classifyExportLine(line: Buffer): LineKind {
  if (firstContentByte(line) !== OPEN_BRACE) return 'skip';
  if (!line.includes(MODULE_ID_KEY) && !line.includes(UNICODE_ESCAPE)) return 'device';
  try {
    const record: unknown = JSON.parse(line.toString('utf8'));
    if (typeof record !== 'object' || record === null) return 'device';
    const moduleId: unknown = (record as { moduleId?: unknown }).moduleId;
    return typeof moduleId === 'string' && moduleId.length > 0 ? 'module' : 'device';
  } catch {
    // A broken line still stands for a record; the registry browser reports it with its line
    // number.
    return 'device';
  }
}

export function createExportRecordCounter(): ExportRecordCounter {
  const counts: ExportRecordCounts = { devices: 0, modules: 0 };
  let pieces: Buffer[] = [];
  let carried = 0;
  let oversized = false;

  function count(line: Buffer): void {
    const kind = oversized
      ? firstContentByte(line) === OPEN_BRACE
        ? 'device'
        : 'skip'
      : classifyExportLine(line);
    if (kind === 'device') counts.devices++;
    else if (kind === 'module') counts.modules++;
  }

  function finishLine(tail: Buffer): void {
    count(pieces.length === 0 ? tail : Buffer.concat([...pieces, tail]));
    pieces = [];
    carried = 0;
    oversized = false;
  }

  function carry(piece: Buffer): void {
    if (piece.length === 0) return;
    // An absurdly long line keeps only its first piece, enough to tell a record from a comment.
    if (oversized) return;
    pieces.push(piece);
    carried += piece.length;
    if (carried > MAX_LINE_BYTES) {
      oversized = true;
      pieces = pieces.slice(0, 1);
    }
  }

  return {
    push(chunk) {
      const bytes = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      let start = 0;
      let end = bytes.indexOf(LF, start);
      while (end >= 0) {
        finishLine(bytes.subarray(start, end));
        start = end + 1;
        end = bytes.indexOf(LF, start);
      }
      carry(bytes.subarray(start));
    },
    end() {
      if (pieces.length > 0) finishLine(Buffer.alloc(0));
      return { ...counts };
    },
  };
}

/** Counts a whole stream; the stream is consumed and, on an error, destroyed by the loop. */
export async function countExportRecords(
  stream: AsyncIterable<Uint8Array | string>,
): Promise<ExportRecordCounts> {
  const counter = createExportRecordCounter();
  for await (const chunk of stream)
    counter.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  return counter.end();
}
