import { createLineSplitter } from '../text/split-text-lines';
import { feedDeviceObject } from './feed-device-object';
import { locateJsonError } from './locate-json-error';
import type { RecordSink } from './record-sink';

/**
 * One JSON object per line, LF or CRLF (the hub's export uses CRLF), split by the one line splitter
 * (src/core/text/split-text-lines.ts). A broken line is an invalid
 * row, not a whole-file error. The hub's export with excludeKeysInExport starts with a plain-text
 * warning line (docs/reference/hub-wire-contract.md#export-blob, #recorded-traffic); like the C#
 * samples, a leading line that does not start with "{" is skipped with a notice.
 */
export class NdjsonRecordSource {
  private row = 0;
  private sawContent = false;
  private readonly lines = createLineSplitter((text, line) => this.handle(text, line));

  constructor(private readonly sink: RecordSink) {}

  push(text: string, final: boolean): void {
    this.lines.push(text);
    if (final) this.lines.end();
  }

  private handle(text: string, line: number): void {
    const report = this.sink.ctx.report;
    const trimmed = text.trim();
    if (!this.sawContent && trimmed !== '' && !trimmed.startsWith('{')) {
      this.sawContent = true;
      report.source = 'hub-export';
      report.add(
        line,
        0,
        '',
        'LEADING_TEXT_SKIPPED',
        `line ${line} is not JSON and was skipped (the hub's export starts with such a notice)`,
      );
      return;
    }
    const row = ++this.row;
    if (trimmed === '') {
      this.sink.blank();
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(trimmed) as unknown;
    } catch {
      // Engine messages differ between Node and browsers; our own locator keeps reports identical.
      const where = locateJsonError(trimmed);
      const detail = where ? `${where.reason} at column ${where.column}` : 'parse error';
      report.add(line, row, '', 'JSON_LINE_INVALID', `line ${line} is not valid JSON: ${detail}`);
      report.invalid++;
      return;
    }
    if (!this.sawContent) {
      this.sawContent = true;
      if (
        value !== null &&
        typeof value === 'object' &&
        'eTag' in value &&
        !('importMode' in value)
      )
        report.source = 'hub-export';
    }
    feedDeviceObject(this.sink, value, line, row);
  }
}
