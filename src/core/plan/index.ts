export * from './plan-types';
export { createTouchScanner, type TouchScanner, type TouchedDevices } from './scan-touched-devices';
export {
  createRegistryIndex,
  type RegistryIndex,
  type RegistryIndexBuilder,
} from './build-registry-index';
export {
  createPlanner,
  type PlanChanges,
  type Planner,
  type PlanResult,
  type PlanSink,
} from './create-planner';
export { planAll, type PlanAllResult } from './plan-all';
export {
  createOutcomeCheck,
  type OutcomeCheck,
  type OutcomeMismatch,
} from './compare-plan-outcome';
export { planJsonHead, planJsonRow, planJsonSummary, planJsonTail } from './format-plan-json';
export { describeRow, formatPlanSummary } from './format-plan-summary';
