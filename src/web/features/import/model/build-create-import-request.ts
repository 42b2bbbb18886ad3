import type { CreateImportRequest, SourceExtension } from '../../../../contracts/api';
import {
  KEY_COLUMN_MAX_LENGTH,
  KEY_COLUMNS_MAX,
  SourceExtension as SourceExtensionSchema,
} from '../../../../contracts/api';
import type { ConversionReport } from '../../../../core/convert/types';

export interface ConvertedFile {
  outputSize: number;
  outputSha256: string;
  sourceSha256: string;
  report: ConversionReport;
}

/** The extension stored with the source blob: the file's own if known, else the detected format. */
export function sourceExtensionOf(
  fileName: string,
  detected: ConversionReport['format'],
): SourceExtension {
  const dot = fileName.lastIndexOf('.');
  const ext = dot >= 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  const parsed = SourceExtensionSchema.safeParse(ext);
  return parsed.success ? parsed.data : detected;
}

export function buildCreateImportRequest(
  file: { name: string; size: number },
  converted: ConvertedFile,
): CreateImportRequest {
  const { report } = converted;
  return {
    fileName: file.name.slice(0, 255) || 'devices',
    fileSize: file.size,
    sourceSha256: converted.sourceSha256,
    sourceExtension: sourceExtensionOf(file.name, report.format),
    convertedSize: converted.outputSize,
    convertedSha256: converted.outputSha256,
    rowCounts: {
      total: report.total,
      valid: report.valid,
      invalid: report.invalid,
      blank: report.blank,
    },
    byMode: report.byMode,
    keyColumns: keyColumnsOf(report),
  };
}

/** The proxy masks these source columns for support: what the conversion used as a key. */
function keyColumnsOf(report: ConversionReport): string[] {
  return report.columns
    .filter(({ effective, detected }) => {
      const used = effective === undefined ? detected : effective;
      return used === 'primaryKey' || used === 'secondaryKey';
    })
    .map(({ column }) => column)
    .filter((column) => column.length > 0 && column.length <= KEY_COLUMN_MAX_LENGTH)
    .slice(0, KEY_COLUMNS_MAX);
}
