import { feedDeviceObject } from './feed-device-object';
import { findElementLines } from './json-element-lines';
import { locateJsonError } from './locate-json-error';
import type { RecordSink } from './record-sink';

const FLUSH_EVERY = 4096;
const PREFERRED_KEYS = ['devices', 'items', 'value', 'data', 'records'];

type Found = { items: unknown[]; ordinal: number | null } | undefined;

// The device array: the root array, or the array property of a root object ("devices" and
// friends first), or a single device object.
function findDevices(root: unknown): Found {
  if (Array.isArray(root)) return { items: root, ordinal: null };
  if (root === null || typeof root !== 'object') return undefined;
  const record = root as Record<string, unknown>;
  const arrayKeys = Object.keys(record).filter((k) => Array.isArray(record[k]));
  const chosen = arrayKeys.find((k) => PREFERRED_KEYS.includes(k.toLowerCase())) ?? arrayKeys[0];
  if (chosen !== undefined)
    return { items: record[chosen] as unknown[], ordinal: arrayKeys.indexOf(chosen) };
  if (Object.keys(record).some((k) => /^(id|deviceid|device[ _-]id)$/i.test(k)))
    return { items: [record], ordinal: -1 };
  return undefined;
}

/**
 * JSON is parsed whole (a syntax error anywhere makes the whole file unusable); records are then
 * streamed out.
 */
export class JsonRecordSource {
  private parts: string[] = [];

  constructor(
    private readonly sink: RecordSink,
    private readonly flush: () => void,
  ) {}

  push(text: string): void {
    if (text !== '') this.parts.push(text);
  }

  end(): void {
    const text = this.parts.join('');
    this.parts = [];
    const report = this.sink.ctx.report;
    let root: unknown;
    try {
      root = JSON.parse(text) as unknown;
    } catch (error) {
      const where = locateJsonError(text);
      const reason = where?.reason ?? (error instanceof Error ? error.message : 'invalid JSON');
      report.fileError = where
        ? {
            code: 'JSON_SYNTAX',
            message: `JSON syntax error at line ${where.line}, column ${where.column}: ${reason}`,
            line: where.line,
            column: where.column,
          }
        : { code: 'JSON_SYNTAX', message: `JSON syntax error: ${reason}` };
      return;
    }
    const found = findDevices(root);
    if (found === undefined) {
      report.fileError = {
        code: 'JSON_NO_DEVICES',
        message: 'the JSON is neither an array of devices nor an object holding one',
      };
      return;
    }
    const lines = found.ordinal === -1 ? [1] : findElementLines(text, found.ordinal);
    for (let i = 0; i < found.items.length; i++) {
      feedDeviceObject(this.sink, found.items[i], lines[i] ?? 0, i + 1);
      if ((i + 1) % FLUSH_EVERY === 0) this.flush();
    }
  }
}
