export * from './plan-types';
export { createTouchScanner, type TouchScanner, type TouchedDevices } from './scan-touched-devices';
export {
  createRegistryIndex,
  type RegistryIndex,
  type RegistryIndexBuilder,
} from './build-registry-index';
export { createPlanner } from './create-planner';
export type { PlanChanges, Planner, PlanResult, PlanSink } from './plan-result';
export { planAll, type PlanAllResult } from './plan-all';
export {
  createOutcomeCheck,
  type OutcomeCheck,
  type OutcomeMismatch,
} from './compare-plan-outcome';
export { planJsonHead, planJsonRow, planJsonSummary, planJsonTail } from './format-plan-json';
export { describeRow, formatPlanSummary } from './format-plan-summary';
export { createConvertedText, type ConvertedText } from './convert-for-plan';
