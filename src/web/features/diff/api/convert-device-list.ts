import type { ConversionProgress, ConvertOptions } from '../../../../core/convert/types';
import { runConversion } from '../../../workers/conversion/run-conversion';

// A dropped list becomes import NDJSON, the same line shape as an export. Invalid rows are left out
// (and counted) so one bad row does not stop the comparison; keys are never generated here.
const OPTIONS: ConvertOptions = {
  format: 'auto',
  defaultMode: 'createOrUpdate',
  defaultStatus: 'enabled',
  keyPolicy: 'hub-generates',
  skipInvalid: true,
};

export interface ConvertedList {
  blob: Blob;
  rows: number;
  invalid: number;
}

export async function convertDeviceList(
  file: File,
  onProgress: (progress: ConversionProgress) => void,
  signal: AbortSignal,
): Promise<ConvertedList> {
  const run = runConversion(file, OPTIONS, { onProgress });
  signal.addEventListener('abort', () => run.cancel(), { once: true });
  const outcome = await run.result;
  const { report } = outcome;
  if (report.fileError) throw new Error(`The file could not be read: ${report.fileError.message}`);
  if (report.written === false) throw new Error('The file has no valid device rows to compare.');
  return { blob: outcome.output, rows: report.valid, invalid: report.invalid };
}
