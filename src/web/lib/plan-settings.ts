import { createContext, useContext } from 'react';
import type { PlanSettings } from '../../contracts/api';

// The plan's limits from /config.json (docs/plan-and-undo.md): the app shell provides them, the
// import wizard reads them. The defaults are the proxy's own, for pages rendered without a shell.
export const DEFAULT_PLAN_SETTINGS: PlanSettings = { snapshotMaxAgeMinutes: 15, lookupLimit: 1000 };

export const PlanSettingsContext = createContext<PlanSettings>(DEFAULT_PLAN_SETTINGS);

export function usePlanSettings(): PlanSettings {
  return useContext(PlanSettingsContext);
}
