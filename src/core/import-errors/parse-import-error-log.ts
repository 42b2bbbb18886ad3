// importErrors.log (docs/reference/hub-wire-contract.md#import-error-log, #recorded-traffic): one
// JSON object per line, {"deviceId":"…","errorCode":<int>,"errorStatus":"…"}, LF (accept CRLF too).
// An unparseable import line has no deviceId; its errorStatus quotes the raw line, from which the
// id is recovered.
export interface ImportErrorEntry {
  /** 1-based line in the log. */
  line: number;
  deviceId: string | null;
  moduleId: string | null;
  errorCode: number | null;
  errorStatus: string;
  /** True when the id was recovered from the quoted import line of a 400012 entry. */
  deviceIdFromQuotedLine: boolean;
}

const QUOTED_ID = /Invalid device format in line:\s*(\{.*?"id"\s*:\s*"((?:[^"\\]|\\.)*)")/;
const QUOTED_MODULE = /Invalid device format in line:\s*\{.*?"moduleId"\s*:\s*"((?:[^"\\]|\\.)*)"/;

function asCode(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}

function unescape(text: string): string {
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return text;
  }
}

export function parseImportErrorLine(text: string, line: number): ImportErrorEntry | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(trimmed) as unknown;
  } catch {
    return {
      line,
      deviceId: null,
      moduleId: null,
      errorCode: null,
      errorStatus: trimmed,
      deviceIdFromQuotedLine: false,
    };
  }
  const record =
    value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const errorStatus =
    typeof record.errorStatus === 'string'
      ? record.errorStatus
      : JSON.stringify(record.errorStatus ?? '');
  let deviceId = typeof record.deviceId === 'string' ? record.deviceId : null;
  let moduleId = typeof record.moduleId === 'string' ? record.moduleId : null;
  let fromQuoted = false;
  if (deviceId === null) {
    const quoted = QUOTED_ID.exec(errorStatus);
    if (quoted?.[2] !== undefined) {
      deviceId = unescape(quoted[2]);
      fromQuoted = true;
      const mod = QUOTED_MODULE.exec(errorStatus);
      if (mod?.[1] !== undefined) moduleId = unescape(mod[1]);
    }
  }
  return {
    line,
    deviceId,
    moduleId,
    errorCode: asCode(record.errorCode),
    errorStatus,
    deviceIdFromQuotedLine: fromQuoted,
  };
}

/** Streaming parser: push text chunks (any split), get the entries of the complete lines. */
export class ImportErrorLogParser {
  private tail = '';
  private line = 0;

  push(chunk: string): ImportErrorEntry[] {
    const text = this.tail + chunk;
    const entries: ImportErrorEntry[] = [];
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      this.take(text.slice(start, end), entries);
      start = end + 1;
    }
    this.tail = text.slice(start);
    return entries;
  }

  end(): ImportErrorEntry[] {
    const entries: ImportErrorEntry[] = [];
    if (this.tail !== '') this.take(this.tail, entries);
    this.tail = '';
    return entries;
  }

  private take(raw: string, into: ImportErrorEntry[]): void {
    const entry = parseImportErrorLine(raw.endsWith('\r') ? raw.slice(0, -1) : raw, ++this.line);
    if (entry) into.push(entry);
  }
}

/** Generator form over an iterable of text chunks. */
export function* parseImportErrorLog(chunks: Iterable<string>): Generator<ImportErrorEntry> {
  const parser = new ImportErrorLogParser();
  for (const chunk of chunks) yield* parser.push(chunk);
  yield* parser.end();
}
