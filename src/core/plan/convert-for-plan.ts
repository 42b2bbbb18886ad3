import { createConversion } from '../convert/create-conversion';
import type { ConversionReport, ConvertOptions } from '../convert/types';

export interface ConvertedText {
  /** Bytes of a CSV or JSON device list in; the import NDJSON text they completed out. */
  push(bytes: Uint8Array): string;
  /** The rest of the text, the report, and why the file cannot be planned if it cannot. */
  finish(): { text: string; report: ConversionReport; problem: string | undefined };
}

/**
 * A device list as the plan reads it: converted by core's conversion, as `convert` would, into the
 * import NDJSON the console would upload. Keys are left to the hub, so converting the same file
 * twice (the plan reads its input twice) gives the same text. A file with invalid rows has no
 * plan: the problem names the first one.
 */
export function createConvertedText(options: ConvertOptions): ConvertedText {
  const decoder = new TextDecoder('utf-8');
  const pending: string[] = [];
  const session = createConversion(
    { ...options, keyPolicy: 'hub-generates', skipInvalid: false },
    { onOutput: (bytes) => pending.push(decoder.decode(bytes, { stream: true })) },
  );
  return {
    push(bytes) {
      session.push(bytes);
      return pending.splice(0).join('');
    },
    finish() {
      const report = session.finish();
      pending.push(decoder.decode());
      return { text: pending.splice(0).join(''), report, problem: conversionProblem(report) };
    },
  };
}

function conversionProblem(report: ConversionReport): string | undefined {
  if (report.fileError) return report.fileError.message;
  if (report.invalid === 0) return undefined;
  const issue = report.issues.find((i) => i.severity === 'error');
  const example = issue
    ? `, e.g. line ${issue.line} ${issue.field}: ${issue.code} ${issue.message}`
    : '';
  return `${report.invalid} invalid rows (see iot-bulk validate)${example}`;
}
