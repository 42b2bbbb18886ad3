import { useState } from 'react';
import type { RegistryPlanState } from './use-registry-plan';

/**
 * The plan to show for the outcome on screen. The last plan of this file stays while a
 * re-conversion of it is planned again, like the outcome it belongs to (docs/import-wizard.md,
 * "A change keeps the outcome on screen"); `updating` says so.
 *
 * Each plan is kept with the output it was made for, from the render it arrived in (React's
 * "adjusting state when a prop changes"): until the plan hook has started on a new output its
 * state is still the old plan, which must never pass for the new output's.
 */
/** The phases of a plan being made again: reading the registry, or planning in the worker. */
const REPLANNING: ReadonlySet<RegistryPlanState['phase']> = new Set([
  'reading',
  'downloading',
  'planning',
]);

export function useShownPlan(
  file: File | null,
  output: Blob | null,
  state: RegistryPlanState,
): { state: RegistryPlanState; updating: boolean } {
  const [kept, setKept] = useState<{ file: File; output: Blob; state: RegistryPlanState } | null>(
    null,
  );
  if (file && output && state.phase === 'planned' && kept?.state !== state)
    setKept({ file, output, state });
  const ofOldOutput =
    output !== null && kept !== null && state === kept.state && kept.output !== output;
  const updating =
    output !== null &&
    kept !== null &&
    kept.file === file &&
    (REPLANNING.has(state.phase) || ofOldOutput);
  if (updating) return { state: kept.state, updating };
  return { state: ofOldOutput ? { phase: 'idle' } : state, updating: false };
}
