import { CsvRecordSource } from './csv/csv-record-source';
import { CSV_GUESS_CHARS } from './csv/guess-csv-dialect';
import { DuplicateIndex } from './duplicate-index';
import { hasEnoughToGuess } from './has-enough-to-guess';
import { detectFormat } from './detect-format';
import { InputDecoder } from './input-decoder';
import { JsonRecordSource } from './json-record-source';
import { NdjsonRecordSource } from './ndjson-record-source';
import { OutputBytes } from './output-bytes';
import { RecordSink } from './record-sink';
import { ReportBuilder } from './report-builder';
import type { RowContext } from './convert-row';
import type { ConversionReport, ConvertOptions, InputFormat } from './types';

export const KEYS_CSV_HEADER = 'id,moduleId,primaryKey,secondaryKey\n';
const DETECT_CHARS = CSV_GUESS_CHARS;

export interface ConversionOutputs {
  /**
   * Receives the import NDJSON as UTF-8 in pieces (whole LF-terminated lines), one call per parsed
   * chunk. The bytes are the receiver's to keep (or transfer): the conversion never writes them
   * again.
   */
  onOutput(bytes: Uint8Array<ArrayBuffer>): void;
  /** Receives the keys CSV (header first) when keys are generated here. */
  onKeys?(text: string): void;
}

export interface ConversionDeps {
  /** Random bytes for keys generated here; in browsers and Node, crypto.getRandomValues. */
  randomBytes?: (length: number) => Uint8Array;
  /**
   * How much text is read before the format and CSV dialect are guessed; tests lower it to exercise
   * chunk seams.
   */
  detectChars?: number;
}

export interface ConversionSession {
  push(bytes: Uint8Array): void;
  finish(): ConversionReport;
  /** Records seen so far (valid + invalid + blank), for progress. */
  readonly records: number;
}

type Source = CsvRecordSource | JsonRecordSource | NdjsonRecordSource;

/**
 * The streaming conversion: bytes in (any chunking), canonical import NDJSON out, chunk by chunk.
 * Output stops as soon as an invalid row makes the file unwritable (skipInvalid off); the report
 * says whether the output is to be used (`written`).
 */
export function createConversion(
  options: ConvertOptions,
  outputs: ConversionOutputs,
  deps: ConversionDeps = {},
): ConversionSession {
  const report = new ReportBuilder(options.maxIssues);
  const ctx: RowContext = {
    options,
    report,
    seen: new DuplicateIndex(),
    randomBytes: deps.randomBytes,
    output: new OutputBytes(),
    keyLines: [],
  };
  const sink = new RecordSink(ctx);
  const decoder = new InputDecoder();
  let source: Source | undefined;
  let head = '';
  let keysStarted = false;
  const detectChars = deps.detectChars ?? DETECT_CHARS;

  const flush = (): void => {
    const writable =
      report.mappingProblems.length === 0 && (options.skipInvalid || report.invalid === 0);
    if (ctx.output.length > 0) {
      if (writable) outputs.onOutput(ctx.output.take());
      else ctx.output.clear();
    }
    if (ctx.keyLines.length > 0) {
      if (writable && outputs.onKeys) {
        outputs.onKeys((keysStarted ? '' : KEYS_CSV_HEADER) + ctx.keyLines.join('\n') + '\n');
        keysStarted = true;
      }
      ctx.keyLines = [];
    }
  };

  const open = (text: string): Source => {
    const format: InputFormat = options.format === 'auto' ? detectFormat(text) : options.format;
    report.format = format;
    if (format === 'json') return new JsonRecordSource(sink, flush);
    if (format === 'ndjson') return new NdjsonRecordSource(sink);
    return new CsvRecordSource(sink, detectChars);
  };

  const feed = (text: string, final: boolean): void => {
    if (report.fileError !== undefined) return;
    if (source === undefined) {
      head += text;
      if (!final && !hasEnoughToGuess(head, detectChars)) return;
      text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
      head = '';
      if (final && text.trim() === '') {
        report.fileError = { code: 'EMPTY_FILE', message: 'the file is empty' };
        return;
      }
      // UTF-16 saved without a byte-order mark decodes as UTF-8 full of NUL characters.
      if (text.slice(0, 1024).indexOf('\u0000') !== -1) {
        report.fileError = {
          code: 'ENCODING_UNSUPPORTED',
          message:
            'the file looks like UTF-16 without a byte-order mark; save it as UTF-8 or as "Unicode text" (UTF-16 with BOM)',
        };
        return;
      }
      source = open(text);
    }
    if (source instanceof JsonRecordSource) {
      source.push(text);
      if (final) source.end();
    } else source.push(text, final);
    flush();
  };

  return {
    push(bytes: Uint8Array): void {
      feed(decoder.push(bytes), false);
    },
    finish(): ConversionReport {
      feed(decoder.end(), true);
      if (decoder.sawReplacement) {
        report.add(
          0,
          0,
          '',
          'ENCODING_REPLACED',
          'some bytes are not valid UTF-8 and were replaced; save the file as UTF-8 or "Unicode text"',
        );
      }
      // A list without a single device is a mistake (a header exported alone, a filter that
      // matched nothing), not a successful conversion of nothing.
      if (report.fileError === undefined && report.valid + report.invalid === 0) {
        report.blank = 0; // a file error means total 0 (types.ts)
        report.fileError = {
          code: 'NO_DEVICES',
          message:
            report.format === 'csv'
              ? 'the file has a header but no devices'
              : 'the file holds no devices',
        };
      }
      const written =
        report.fileError === undefined && (options.skipInvalid || report.invalid === 0);
      return report.build(written);
    },
    get records(): number {
      return report.total;
    },
  };
}
