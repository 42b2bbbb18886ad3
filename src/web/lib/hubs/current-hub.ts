import { createContext, useContext } from 'react';
import { hubLabel } from './console-hub';
import type { ConsoleHub } from './console-hub';

export interface CurrentHubValue {
  hub: ConsoleHub;
  /** The hubs the signed-in user may see, in the configuration's order. */
  hubs: readonly ConsoleHub[];
  /** Opens another hub on the same kind of page (the app's router host does the navigation). */
  switchHub: (hubId: string) => void;
}

// Provided by the app's router host for the hub in the URL; pages read the hub from here, never
// from the URL, so the one place that knows the URL layout is the host.
export const CurrentHubContext = createContext<CurrentHubValue | null>(null);

export function useCurrentHubContext(): CurrentHubValue {
  const value = useContext(CurrentHubContext);
  if (!value) throw new Error('useCurrentHub is used outside a hub page');
  return value;
}

export function useCurrentHub(): ConsoleHub {
  return useCurrentHubContext().hub;
}

/**
 * "Local hub A (hub-a.azure-devices.net)" for the confirmations of a hub page; null outside one
 * (a component rendered on its own in a test), where the caller names the hub as before.
 */
export function useCurrentHubLabel(): string | null {
  const value = useContext(CurrentHubContext);
  return value ? hubLabel(value.hub) : null;
}
