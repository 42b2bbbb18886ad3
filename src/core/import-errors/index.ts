export {
  IMPORT_ERROR_CATALOGUE,
  describeImportError,
  type ImportErrorInfo,
} from './import-error-catalogue';
export {
  ImportErrorLogParser,
  parseImportErrorLine,
  parseImportErrorLog,
  type ImportErrorEntry,
} from './parse-import-error-log';
