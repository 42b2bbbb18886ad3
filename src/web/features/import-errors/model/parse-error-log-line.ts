// Local adapter until core ships its importErrors.log parser (src/core/import-errors/).
// Format (hub-protocol.md 5.2): one JSON object per line, {"deviceId","errorCode":<int>,"errorStatus"};
// an unparseable input line is reported without deviceId (400012); errorCode may come as a string.

export interface ImportErrorEntry {
  /** 1-based line in importErrors.log. */
  logLine: number;
  deviceId: string | null;
  moduleId: string | null;
  code: number | null;
  status: string;
}

function asCode(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d{6}$/.test(value.trim())) return Number(value.trim());
  return null;
}

/** Null for blank lines; a line that is not JSON becomes an entry with no code and the raw text. */
export function parseErrorLogLine(text: string, logLine: number): ImportErrorEntry | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { logLine, deviceId: null, moduleId: null, code: null, status: trimmed };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { logLine, deviceId: null, moduleId: null, code: null, status: trimmed };
  }
  const record = value as Record<string, unknown>;
  const deviceId = typeof record['deviceId'] === 'string' ? record['deviceId'] : null;
  const moduleId = typeof record['moduleId'] === 'string' ? record['moduleId'] : null;
  const status = typeof record['errorStatus'] === 'string' ? record['errorStatus'] : JSON.stringify(record['errorStatus'] ?? '');
  return { logLine, deviceId, moduleId, code: asCode(record['errorCode']), status };
}
