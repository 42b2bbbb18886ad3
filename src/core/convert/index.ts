export {
  createConversion,
  KEYS_CSV_HEADER,
  type ConversionDeps,
  type ConversionOutputs,
  type ConversionSession,
} from './create-conversion';
export { convertAll, type ConvertAllResult } from './convert-all';
export { detectColumnTarget, isMappingTarget, normaliseColumnName } from './detect-column-target';
export type * from './types';
