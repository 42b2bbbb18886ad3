export {
  buildRetryImport,
  retargetImportRecord,
  retryKey,
  RetryImportBuilder,
  type RetryImportResult,
  type RetryTarget,
} from './build-retry-import';
