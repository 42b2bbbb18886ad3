import { hubError, type HubError } from '../http/hub-error';
import { createThrottle, type ThrottleOptions } from './create-throttle';
import { operationType, type ThrottleClass } from './throttle-limits';

// The 429 the hub sends when a class is over its limit, as seen live
// (docs/reference/hub-wire-contract.md#limits): `ErrorCode:ThrottlingBacklogTimeout;The request has
// been throttled. Wait <n> seconds and try again. Operation type: <type>`, `Connection: close`, and
// no Retry-After unless asked for.
export type ThrottleGate = (
  throttleClass: ThrottleClass,
  cost: number,
  method: string,
  now: Date,
) => HubError | undefined;

export function createThrottleGate(options: ThrottleOptions): ThrottleGate {
  const take = createThrottle(options);
  return (throttleClass, cost, method, now) => {
    const refused = take(throttleClass, cost, now);
    if (!refused) return undefined;
    const headers: Record<string, string> = { connection: 'close' };
    if (options.retryAfter) headers['retry-after'] = String(refused.waitSeconds);
    return hubError(
      options.errorName ?? 'ThrottlingBacklogTimeout',
      `The request has been throttled. Wait ${refused.waitSeconds} seconds and try again. Operation type: ${operationType(throttleClass, method)}`,
      headers,
    );
  };
}
