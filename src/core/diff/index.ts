export * from './diff-types';
export { diffRegistries } from './diff-registries';
export { compareDevices, type FieldComparison } from './compare-devices';
export { describeDeviceChange, type FieldRow } from './describe-device-change';
export {
  planMakeBLikeA,
  type MakeBLikeAPlan,
  type PlanMode,
  type PlanNotice,
  type PlanNoticeCode,
} from './plan-make-b-like-a';
export { serializePlanLine, serializePlanLines } from './serialize-plan-line';
export { diffCsvLines, formatDiffCsv } from './format-diff-csv';
export { formatDiffJson, toDiffJson, type DiffJson } from './format-diff-json';
export { formatDiffSummary } from './format-diff-summary';
export { computeSignature } from './compute-signature';
export { fieldRank, isIdentityField } from './field-order';
