import { useEffect } from 'react';
import { getHubInfo } from './get-hub-info';

export const SLOT_POLL_MS = 3000;

/**
 * While `waiting`, looks at the hub every few seconds and calls `onFree` once no job holds the
 * slot. A start that then loses the race to another job comes back busy and waits again.
 */
export function useSlotWait(waiting: boolean, onFree: () => void): void {
  useEffect(() => {
    if (!waiting) return undefined;
    let stopped = false;
    const timer = setInterval(() => {
      getHubInfo()
        .then((hub) => {
          if (!stopped && hub.activeJob === null) {
            stopped = true;
            onFree();
          }
        })
        .catch(() => undefined);
    }, SLOT_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [waiting, onFree]);
}
